using System.Net;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Conversations;

/// <summary>Conversations outside the rounds: staff plan one for a family, the family answers in its language; families and students ask.</summary>
public abstract class OutsideConversationTests(TestApp app)
{
    internal Task<OutsideScene> SceneAsync(string language = "ar") => OutsideScene.CreateAsync(app, language);

    internal const string StaffNote = "Alleen voor collega's: dossier 2024-17";

    internal static Task<Page> PlanAsync(AppClient staff, OutsideScene s, string purpose = "Samen kijken hoe we Sara het best helpen met lezen.") =>
        OutsideConversations.PlanAsync(staff, s.Child.Id, s.Mentor.Id, purpose, StaffNote);

    [Fact]
    public async Task Care_coordinator_plans_a_level_2_conversation_and_the_Arabic_parent_accepts_a_time()
    {
        var s = await SceneAsync();
        using var care = await app.SignInAsync(s.Care.Email!);
        var planned = await PlanAsync(care, s);
        Assert.True(planned.Errors.Count == 0, string.Join(" | ", planned.Errors));
        Assert.Contains("?planned=true", planned.Url.Query);

        var invitation = await Mailbox.WaitForAsync(app, s.Parent.Email!);
        Assert.Contains("دعوة إلى محادثة بشأن Sara", invitation.Subject);
        Assert.Contains("J. de Vries (GGD, jeugdarts)", invitation.Body);
        Assert.Contains("تدعوك المدرسة", invitation.Body);
        Assert.DoesNotContain("dossier", invitation.Body);

        using var parent = await app.SignInAsync(s.Parent.Email!);
        var page = await parent.GetAsync($"/children/{s.Child.Id}/conversations");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("rtl", page.Find("html")!.GetAttribute("dir"));
        Assert.Contains("سبب لقائنا", page.Main);
        Assert.Contains("J. de Vries (GGD, jeugdarts)", page.Main);
        Assert.Contains("Samen kijken", page.Main);
        Assert.DoesNotContain("dossier", page.Html);
        var times = page.FindAll("input[name=Choice]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(3, times.Count); // two times and "another time"

        var answered = await parent.SubmitAsync(page, new() { ["Choice"] = times[1] });
        Assert.Contains("done=answered", answered.Url.Query);
        Assert.Contains("تم اختيار الموعد", answered.Main);
        var confirmed = await Mailbox.WaitForAsync(app, s.Parent.Email!, m => m.Subject.StartsWith("المحادثة بشأن Sara", StringComparison.Ordinal));
        var ics = Assert.Single(confirmed.Parts, p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content;
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261119T140000", ics);

        var list = await care.GetAsync("/conversations");
        var card = Assert.Single(list.FindAll("article.conversation"));
        Assert.Equal("Accepted", card.GetAttribute("data-status"));
        Assert.Contains(StaffNote, card.TextContent);
        using var mentor = await app.SignInAsync(s.Mentor.Email!);
        Assert.Single((await mentor.GetAsync("/conversations")).FindAll("article.conversation[data-status=Accepted]"));
    }

    [Fact]
    public async Task Of_two_guardians_answering_at_once_the_first_wins_and_the_second_hears_so()
    {
        var s = await SceneAsync(language: "nl");
        var other = await s.School.GuardianAsync([s.Child], language: "en");
        using (var care = await app.SignInAsync(s.Care.Email!))
        {
            await PlanAsync(care, s);
        }
        using var one = await app.SignInAsync(s.Parent.Email!);
        using var two = await app.SignInAsync(other.Email!);
        var pageOne = await one.GetAsync($"/children/{s.Child.Id}/conversations");
        var pageTwo = await two.GetAsync($"/children/{s.Child.Id}/conversations");
        var first = pageOne.FindAll("input[name=Choice]").First().GetAttribute("value")!;
        var results = await Task.WhenAll(one.SubmitAsync(pageOne, new() { ["Choice"] = first }),
            two.SubmitAsync(pageTwo, new() { ["Choice"] = "other", ["Message"] = "Liever op woensdag." }));

        Assert.Single(results, r => r.Url.Query.Contains("done=answered", StringComparison.Ordinal));
        var lost = Assert.Single(results, r => r.Errors.Count > 0);
        Assert.True(lost.Errors[0].Contains("already answered", StringComparison.Ordinal) || lost.Errors[0].Contains("al beantwoord", StringComparison.Ordinal),
            lost.Errors[0]);
        var status = await app.WithDbAsync(db => db.PlannedConversations.Where(c => c.StudentId == s.Child.Id).Select(c => c.Status).SingleAsync());
        Assert.NotEqual(PlannedStatus.Proposed, status);
    }

    [Fact]
    public async Task Family_asks_for_another_time_with_a_message_that_staff_see()
    {
        var s = await SceneAsync(language: "tr");
        using (var care = await app.SignInAsync(s.Care.Email!))
        {
            await PlanAsync(care, s);
        }
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var page = await parent.GetAsync($"/children/{s.Child.Id}/conversations");
        var refused = await parent.SubmitAsync(page, new() { ["Choice"] = "other" });
        Assert.Contains("Size ne zaman uyduğunu kısaca yazın.", refused.Errors);
        var asked = await parent.SubmitAsync(page, new() { ["Choice"] = "other", ["Message"] = "Perşembe sabahları olur mu?" });
        Assert.Contains("done=answered", asked.Url.Query);

        using var mentor = await app.SignInAsync(s.Mentor.Email!);
        var card = Assert.Single((await mentor.GetAsync("/conversations")).FindAll("article.conversation"));
        Assert.Equal("OtherTimeAsked", card.GetAttribute("data-status"));
        Assert.Contains("Perşembe sabahları olur mu?", card.TextContent);
    }

    [Fact]
    public async Task Another_family_a_teacher_of_another_group_a_subject_teacher_and_another_schools_leader_see_nothing()
    {
        var s = await SceneAsync();
        var otherGroup = await s.School.GroupAsync();
        var otherTeacher = await s.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        var subject = await s.School.StaffAsync(StaffRole.SubjectTeacher, s.Group, subject: "Engels");
        var otherChild = await s.School.StudentAsync(otherGroup);
        var otherParent = await s.School.GuardianAsync([otherChild]);
        var elsewhere = await app.World.SchoolAsync();
        var otherLeader = await elsewhere.StaffAsync(StaffRole.SchoolLeader);
        using (var care = await app.SignInAsync(s.Care.Email!))
        {
            await PlanAsync(care, s);
        }

        using var family = await app.SignInAsync(otherParent.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await family.StatusAsync($"/children/{s.Child.Id}/conversations"));
        using var teacher = await app.SignInAsync(otherTeacher.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/students/{s.Child.Id}/conversations"));
        Assert.Empty((await teacher.GetAsync("/conversations")).FindAll("article.conversation"));
        using var sub = await app.SignInAsync(subject.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await sub.StatusAsync($"/students/{s.Child.Id}/conversations"));
        Assert.Empty((await sub.GetAsync("/conversations")).FindAll("article.conversation"));
        using var leader = await app.SignInAsync(otherLeader.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync($"/students/{s.Child.Id}/conversations"));
        Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync($"/conversations?school={s.School.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync($"/children/{s.Child.Id}/conversations"));

        // A forged answer for another family's conversation changes nothing.
        var id = await app.WithDbAsync(db => db.PlannedConversations.Where(c => c.StudentId == s.Child.Id).Select(c => c.Id).SingleAsync());
        var token = await family.TokenAsync($"/children/{otherChild.Id}/conversations");
        var forged = await family.PostAsync($"/children/{otherChild.Id}/conversations",
            [new("ConversationId", id.ToString()), new("Choice", "other"), new("Message", "x"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Equal(PlannedStatus.Proposed, await app.WithDbAsync(db => db.PlannedConversations.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_subject_teacher_who_takes_part_sees_the_conversation_on_their_list()
    {
        var s = await SceneAsync();
        var subject = await s.School.StaffAsync(StaffRole.SubjectTeacher, s.Group, subject: "Engels");
        using (var care = await app.SignInAsync(s.Care.Email!))
        {
            await care.SubmitAsync($"/students/{s.Child.Id}/conversations", new()
            {
                ["Purpose"] = "Engels", ["StaffIds"] = subject.Id.ToString(),
                ["Times[0].Date"] = "2026-11-17", ["Times[0].Start"] = "15:00", ["Times[0].Minutes"] = "30",
            }, formSelector: OutsideConversations.PlanForm);
        }
        using var sub = await app.SignInAsync(subject.Email!);
        Assert.Single((await sub.GetAsync("/conversations")).FindAll("article.conversation"));
        Assert.Equal(HttpStatusCode.NotFound, await sub.StatusAsync($"/students/{s.Child.Id}/conversations"));
    }

    [Fact]
    public async Task A_guardian_without_authority_sees_nothing_unless_the_school_allows_it()
    {
        var s = await SceneAsync();
        var limited = await s.School.GuardianAsync([s.Child], authority: false, language: "pl");
        using (var care = await app.SignInAsync(s.Care.Email!))
        {
            await PlanAsync(care, s);
        }
        await Mailbox.WaitForAsync(app, s.Parent.Email!);
        using var client = await app.SignInAsync(limited.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/children/{s.Child.Id}/conversations"));
        Assert.DoesNotContain(Mailbox.All(app), m => m.To.Contains(limited.Email!, StringComparison.OrdinalIgnoreCase));

        await app.WithDbAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(x => x.Id == s.School.Id);
            school.LimitedGuardianAccess |= LimitedGuardianAccess.ConversationRounds;
            await db.SaveChangesAsync();
        });
        var page = await client.GetAsync($"/children/{s.Child.Id}/conversations");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("J. de Vries", page.Main);
        Assert.DoesNotContain("dossier", page.Html);
    }

    [Fact]
    public async Task A_parents_request_reaches_the_mentor_with_its_reply_date_and_is_overdue_after_it()
    {
        var s = await SceneAsync(language: "nl");
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var asked = await OutsideConversations.AskAsync(parent, s.Child.Id, "Sara slaapt slecht sinds de verhuizing.");
        Assert.Contains("done=asked", asked.Url.Query);
        Assert.Contains("Nog geen antwoord", asked.Main);

        using var mentor = await app.SignInAsync(s.Mentor.Email!);
        var list = await mentor.GetAsync("/conversations");
        var wish = Assert.Single(list.FindAll("li.wish"));
        Assert.Contains("Sara slaapt slecht", wish.TextContent);
        Assert.Contains("gevraagd door een ouder", wish.TextContent);
        // Tuesday 10 November 09:00 plus the default three days.
        Assert.Equal(new DateTime(2026, 11, 13, 8, 0, 0, DateTimeKind.Utc).ToString("O"), wish.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Null(wish.QuerySelector(".overdue-mark"));
        var home = (await mentor.GetAsync("/teacher")).Main!;
        Assert.Contains("1 open vraag", home);
        Assert.DoesNotContain("te laat", home);
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(4));
            // Four days on, the sign-in has expired: both sign in again.
            using var mentorLater = await app.SignInAsync(s.Mentor.Email!);
            using var parentLater = await app.SignInAsync(s.Parent.Email!);
            var later = Assert.Single((await mentorLater.GetAsync("/conversations")).FindAll("li.wish"));
            Assert.NotNull(later.QuerySelector(".overdue-mark"));
            Assert.Contains("1 te laat", (await mentorLater.GetAsync("/teacher")).Main);

            var replied = await mentorLater.SubmitAsync(await mentorLater.GetAsync("/conversations"), new() { ["Message"] = "Ik bel u morgen." },
                formSelector: "form[action*='handler=Reply']");
            Assert.Empty(replied.Errors);
            Assert.Null(Assert.Single(replied.FindAll("li.wish")).QuerySelector(".overdue-mark"));
            var seen = await parentLater.GetAsync($"/children/{s.Child.Id}/conversations");
            Assert.Contains("Ik bel u morgen.", seen.Main);
            Assert.Contains("Beantwoord", seen.Main);
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
    }

    [Fact]
    public async Task The_school_sets_its_own_reply_time_for_requests_in_school_days()
    {
        var s = await SceneAsync(language: "nl");
        var leader = await s.School.StaffAsync(StaffRole.SchoolLeader);
        using (var client = await app.SignInAsync(leader.Email!))
        {
            var refused = await client.SubmitAsync($"/school/{s.School.Id}/settings", new() { ["conversationReplyDays"] = "0" });
            Assert.Contains("Kies een antwoordtermijn van 1 tot 30 dagen.", refused.Errors);
            var saved = await client.SubmitAsync($"/school/{s.School.Id}/settings", new() { ["conversationReplyDays"] = "5" });
            Assert.Empty(saved.Errors);
            Assert.Equal("5", saved.Find("#conversationReplyDays")!.GetAttribute("value"));
        }
        using var parent = await app.SignInAsync(s.Parent.Email!);
        await OutsideConversations.AskAsync(parent, s.Child.Id, "Graag een gesprek over huiswerk.");
        using var mentor = await app.SignInAsync(s.Mentor.Email!);
        var wish = Assert.Single((await mentor.GetAsync("/conversations")).FindAll("li.wish"));
        // Tuesday 10 November plus five school days: the weekend does not count.
        Assert.Equal(new DateTime(2026, 11, 17, 8, 0, 0, DateTimeKind.Utc).ToString("O"), wish.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task A_student_asks_too_and_the_mentor_plans_a_conversation_for_it()
    {
        var s = await SceneAsync(language: "nl");
        using var student = await app.SignInAsync(s.Child.Email!);
        var page = await student.GetAsync($"/children/{s.Child.Id}/conversations");
        Assert.Null(page.Find("#invitations-heading"));
        var asked = await student.SubmitAsync(page, new() { ["Reason"] = "Ik wil praten over mijn rooster." }, formSelector: "form[action*='handler=Ask']");
        Assert.Contains("done=asked", asked.Url.Query);

        using var mentor = await app.SignInAsync(s.Mentor.Email!);
        var wish = Assert.Single((await mentor.GetAsync("/conversations")).FindAll("li.wish"));
        Assert.Contains("gevraagd door de leerling", wish.TextContent);
        var planLink = wish.QuerySelector("a[href*='?wish=']")!.GetAttribute("href")!;
        var planned = await mentor.SubmitAsync(planLink, new()
        {
            ["Purpose"] = "Je rooster", ["Times[0].Date"] = "2026-11-12", ["Times[0].Start"] = "12:30", ["Times[0].Minutes"] = "15",
        }, formSelector: OutsideConversations.PlanForm);
        Assert.Empty(planned.Errors);
        Assert.Contains("Gesprek gepland", (await student.GetAsync($"/children/{s.Child.Id}/conversations")).Main);
    }

    [Fact]
    public async Task Markup_is_shown_as_text_and_over_long_text_is_refused_with_a_clear_message()
    {
        var s = await SceneAsync(language: "nl");
        using var care = await app.SignInAsync(s.Care.Email!);
        var tooLong = await PlanAsync(care, s, purpose: new string('a', ConversationRules.MaxPurpose + 1));
        Assert.Contains($"Deze tekst is te lang: hooguit {ConversationRules.MaxPurpose} tekens.", tooLong.Errors);
        var megabyte = await PlanAsync(care, s, purpose: new string('b', 1_000_000));
        Assert.NotEmpty(megabyte.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.PlannedConversations.CountAsync(c => c.StudentId == s.Child.Id)));

        await PlanAsync(care, s, purpose: "<script>alert(1)</script><b>vet</b>");
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var page = await parent.GetAsync($"/children/{s.Child.Id}/conversations");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html);
        Assert.DoesNotContain("<script>alert(1)", page.Html);
        Assert.Contains("<script>alert(1)</script><b>vet</b>", page.Main);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutsideConversationTests_Sqlite(SqliteApp app) : OutsideConversationTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class OutsideConversationTests_Postgres(PostgresApp app) : OutsideConversationTests(app);
