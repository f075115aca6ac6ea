using System.Net;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Conversations;

/// <summary>
/// What happens after a conversation outside the rounds is asked for or planned: the mentor hears of a request
/// and the family of the reply, by e-mail in their own language; staff propose new times, move or call off a
/// conversation and the family is told; the family calls it off with a reason; two people acting at once do not both win.
/// </summary>
public abstract class OutsideConversationChangeTests(TestApp app)
{
    private Task<OutsideScene> SceneAsync(string language) => OutsideScene.CreateAsync(app, language);

    private static Task<Page> PlanAsync(AppClient staff, OutsideScene s) =>
        OutsideConversations.PlanAsync(staff, s.Child.Id, s.Mentor.Id, "Samen kijken hoe we Sara het best helpen met lezen.", "dossier 2024-17");

    private static Task<Page> ChangeAsync(AppClient staff, OutsideScene s, string handler, Dictionary<string, string> fields) =>
        staff.SubmitAsync($"/students/{s.Child.Id}/conversations", fields, formSelector: $"form[action*='handler={handler}']");

    private static Task<Page> NewTimeAsync(AppClient staff, OutsideScene s, string date, string start, string message) =>
        ChangeAsync(staff, s, "Propose", new()
        {
            ["NewTimes[0].Date"] = date, ["NewTimes[0].Start"] = start, ["NewTimes[0].Minutes"] = "30", ["NewTimes[0].Place"] = "Kamer 3",
            ["Message"] = message,
        });

    private Task<PlannedStatus> StatusAsync(OutsideScene s) =>
        app.WithDbAsync(db => db.PlannedConversations.Where(c => c.StudentId == s.Child.Id).Select(c => c.Status).SingleAsync());

    private static bool Calendar(Mail m, string method) => m.Parts.Any(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)
                                                                          && p.Content.Contains("METHOD:" + method, StringComparison.Ordinal));

    [Fact]
    public async Task A_request_reaches_the_mentor_by_mail_and_the_reply_reaches_the_Turkish_parent_in_Turkish()
    {
        var s = await SceneAsync("tr");
        var otherTeacher = await s.School.StaffAsync(StaffRole.GroupTeacher, await s.School.GroupAsync());
        using var parent = await app.SignInAsync(s.Parent.Email!);
        await OutsideConversations.AskAsync(parent, s.Child.Id, "Sara slaapt slecht sinds de verhuizing.");

        var request = await Mailbox.WaitForAsync(app, s.Mentor.Email!);
        Assert.StartsWith("Vraag om een gesprek over Sara", request.Subject, StringComparison.Ordinal);
        Assert.Contains("Sara slaapt slecht sinds de verhuizing.", request.Body);
        Assert.Contains("gevraagd door een ouder", request.Body);
        Assert.Contains("vrijdag 13 november 2026 09:00", request.Body);
        Assert.Contains("/conversations?school=", request.Body);

        using var mentor = await app.SignInAsync(s.Mentor.Email!);
        var replied = await mentor.SubmitAsync(await mentor.GetAsync("/conversations"), new() { ["Message"] = "Ik bel u morgen om 10 uur." },
            formSelector: "form[action*='handler=Reply']");
        Assert.Empty(replied.Errors);
        var reply = await Mailbox.WaitForAsync(app, s.Parent.Email!);
        Assert.Equal("Sara hakkındaki görüşme talebinize cevap", reply.Subject);
        Assert.Contains("Okulun cevabı:\nIk bel u morgen om 10 uur.", reply.Body.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(Mailbox.All(app), m => m.To.Contains(otherTeacher.Email!, StringComparison.OrdinalIgnoreCase)
                                                     || m.To.Contains(s.Care.Email!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Of_two_colleagues_replying_to_a_request_at_once_one_wins_and_the_family_gets_one_reply()
    {
        var s = await SceneAsync("nl");
        using (var parent = await app.SignInAsync(s.Parent.Email!))
        {
            await OutsideConversations.AskAsync(parent, s.Child.Id, "Graag een gesprek over de overstap.");
        }
        using var mentor = await app.SignInAsync(s.Mentor.Email!);
        using var care = await app.SignInAsync(s.Care.Email!);
        var pages = await Task.WhenAll(mentor.GetAsync("/conversations"), care.GetAsync("/conversations"));
        var results = await Task.WhenAll(
            mentor.SubmitAsync(pages[0], new() { ["Message"] = "Ik bel u vandaag." }, formSelector: "form[action*='handler=Reply']"),
            care.SubmitAsync(pages[1], new() { ["Message"] = "Ik mail u morgen." }, formSelector: "form[action*='handler=Reply']"));

        Assert.Single(results, r => r.Errors.Count == 0);
        Assert.Contains("Deze vraag is al beantwoord.", Assert.Single(results, r => r.Errors.Count > 0).Errors);
        await Mailbox.WaitForAsync(app, s.Parent.Email!);
        await Task.Delay(1000);
        Assert.Single(Mailbox.All(app), m => m.To.Contains(s.Parent.Email!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_reply_date_skips_the_weekend_and_family_staff_and_mail_show_the_same_date()
    {
        var s = await SceneAsync("nl");
        try
        {
            // Friday 13 November, 10:00 in Amsterdam: three school days on is Wednesday 18 November, 10:00.
            app.Clock.Set(new DateTimeOffset(2026, 11, 13, 9, 0, 0, TimeSpan.Zero));
            using var parent = await app.SignInAsync(s.Parent.Email!);
            var asked = await OutsideConversations.AskAsync(parent, s.Child.Id, "Graag een gesprek over huiswerk.");
            var due = new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc).ToString("O");
            Assert.Equal(due, asked.Find("li.wish time")!.GetAttribute("datetime"));
            Assert.Contains("binnen 3 schooldagen", asked.Main);
            using var mentor = await app.SignInAsync(s.Mentor.Email!);
            Assert.Equal(due, (await mentor.GetAsync("/conversations")).Find("li.wish time")!.GetAttribute("datetime"));
            Assert.Contains("woensdag 18 november 2026 10:00", (await Mailbox.WaitForAsync(app, s.Mentor.Email!)).Body);
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
    }

    [Fact]
    public async Task After_another_time_staff_propose_new_times_the_Arabic_family_is_told_and_a_moved_time_leaves_their_calendar()
    {
        var s = await SceneAsync("ar");
        using var care = await app.SignInAsync(s.Care.Email!);
        await PlanAsync(care, s);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        await parent.SubmitAsync(await parent.GetAsync($"/children/{s.Child.Id}/conversations"), new() { ["Choice"] = "other", ["Message"] = "Liever na 16 uur." });

        var refused = await ChangeAsync(care, s, "Propose", new() { ["NewTimes[0].Date"] = "2026-11-24", ["NewTimes[0].Start"] = "16:00" });
        Assert.Contains("Schrijf de ouders een kort bericht.", refused.Errors);
        var changed = await NewTimeAsync(care, s, "2026-11-24", "16:00", "Dinsdag na 16 uur kan.");
        Assert.Contains("done=changed", changed.Url.Query);
        Assert.Equal(PlannedStatus.Proposed, await StatusAsync(s));

        var told = await Mailbox.WaitForAsync(app, s.Parent.Email!, m => m.Subject.StartsWith("مواعيد جديدة", StringComparison.Ordinal));
        Assert.Contains("Dinsdag na 16 uur kan.", told.Body);
        Assert.DoesNotContain(told.Parts, p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal));
        var page = await parent.GetAsync($"/children/{s.Child.Id}/conversations");
        Assert.Contains("رسالة من المدرسة", page.Main);
        var choices = page.FindAll("input[name=Choice]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(2, choices.Count); // the new time and "another time"
        Assert.Contains("done=answered", (await parent.SubmitAsync(page, new() { ["Choice"] = choices[0] })).Url.Query);
        Assert.Equal(PlannedStatus.Accepted, await StatusAsync(s));

        // The chosen time moves: the family chooses again and their calendar drops the old one.
        await NewTimeAsync(care, s, "2026-11-26", "16:30", "De jeugdarts kan dinsdag toch niet.");
        var moved = await Mailbox.WaitForAsync(app, s.Parent.Email!, m => Calendar(m, "CANCEL"));
        Assert.Contains("De jeugdarts kan dinsdag toch niet.", moved.Body);
        Assert.Contains("20261124T160000", moved.Parts.Single(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content);
        Assert.Equal(PlannedStatus.Proposed, await StatusAsync(s));
    }

    [Fact]
    public async Task Staff_call_off_an_accepted_conversation_and_the_Polish_family_is_told_and_can_no_longer_answer()
    {
        var s = await SceneAsync("pl");
        using var care = await app.SignInAsync(s.Care.Email!);
        await PlanAsync(care, s);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var page = await parent.GetAsync($"/children/{s.Child.Id}/conversations");
        await parent.SubmitAsync(page, new() { ["Choice"] = page.FindAll("input[name=Choice]").First().GetAttribute("value")! });

        var refused = await ChangeAsync(care, s, "Cancel", new() { ["Message"] = " " });
        Assert.Contains("Schrijf de ouders een kort bericht.", refused.Errors);
        var cancelled = await ChangeAsync(care, s, "Cancel", new() { ["Message"] = "De jeugdarts is ziek; we plannen opnieuw." });
        Assert.Contains("done=cancelled", cancelled.Url.Query);
        Assert.Null(cancelled.Find("details.change"));

        var told = await Mailbox.WaitForAsync(app, s.Parent.Email!, m => m.Subject.StartsWith("Rozmowa o Sara się nie odbędzie", StringComparison.Ordinal));
        Assert.Contains("De jeugdarts is ziek; we plannen opnieuw.", told.Body);
        Assert.True(Calendar(told, "CANCEL"));
        var seen = await parent.GetAsync($"/children/{s.Child.Id}/conversations");
        Assert.Contains("Odwołana przez szkołę", seen.Main);
        Assert.Empty(seen.FindAll("input[name=Choice]"));
        Assert.Null(seen.Find("form[action*='handler=Cancel']"));
        Assert.Equal("Cancelled", Assert.Single((await care.GetAsync("/conversations")).FindAll("article.conversation")).GetAttribute("data-status"));
    }

    [Fact]
    public async Task The_Ukrainian_family_calls_off_with_a_short_reason_and_the_planner_hears_it()
    {
        var s = await SceneAsync("uk");
        using (var care = await app.SignInAsync(s.Care.Email!))
        {
            await PlanAsync(care, s);
        }
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var form = "form[action*='handler=Cancel']";
        var refused = await parent.SubmitAsync($"/children/{s.Child.Id}/conversations", new() { ["CancelReason"] = "" }, formSelector: form);
        Assert.Contains("Коротко напишіть, чому ви скасовуєте.", refused.Errors);
        var done = await parent.SubmitAsync($"/children/{s.Child.Id}/conversations", new() { ["CancelReason"] = "Ми переїжджаємо до іншого міста." }, formSelector: form);
        Assert.Contains("done=cancelled", done.Url.Query);
        Assert.Contains("Скасовано вашою родиною", done.Main);

        var heard = await Mailbox.WaitForAsync(app, s.Care.Email!);
        Assert.Contains("afgezegd door de ouders", heard.Subject);
        Assert.Contains("Ми переїжджаємо до іншого міста.", heard.Body);
        using var mentor = await app.SignInAsync(s.Mentor.Email!);
        var card = Assert.Single((await mentor.GetAsync("/conversations")).FindAll("article.conversation"));
        Assert.Equal("Cancelled", card.GetAttribute("data-status"));
        Assert.Contains("Ми переїжджаємо до іншого міста.", card.TextContent);
    }

    [Fact]
    public async Task Staff_calling_off_while_the_family_picks_a_time_do_not_both_win_and_a_stale_form_is_refused()
    {
        var s = await SceneAsync("nl");
        using var care = await app.SignInAsync(s.Care.Email!);
        await PlanAsync(care, s);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var familyPage = await parent.GetAsync($"/children/{s.Child.Id}/conversations");
        var staffPage = await care.GetAsync($"/students/{s.Child.Id}/conversations");
        var results = await Task.WhenAll(
            parent.SubmitAsync(familyPage, new() { ["Choice"] = familyPage.FindAll("input[name=Choice]").First().GetAttribute("value")! }),
            care.SubmitAsync(staffPage, new() { ["Message"] = "Gaat niet door." }, formSelector: "form[action*='handler=Cancel']"));

        Assert.Single(results, r => r.Url.Query.Contains("done=", StringComparison.Ordinal));
        var lost = Assert.Single(results, r => r.Errors.Count > 0);
        Assert.Matches("al afgezegd|intussen gewijzigd|al beantwoord", lost.Errors[0]);

        // A form read before the change (the staff page as it was) cannot overwrite it.
        var stale = await care.SubmitAsync(staffPage, new() { ["Message"] = "Andere tijd.", ["NewTimes[0].Date"] = "2026-11-24", ["NewTimes[0].Start"] = "16:00" },
            formSelector: "form[action*='handler=Propose']");
        Assert.Matches("intussen gewijzigd|al afgezegd", Assert.Single(stale.Errors));
        Assert.NotEqual(PlannedStatus.Proposed, await StatusAsync(s));
    }

    [Fact]
    public async Task The_student_another_family_another_groups_teacher_and_another_schools_leader_cannot_change_or_call_off()
    {
        var s = await SceneAsync("nl");
        var otherGroup = await s.School.GroupAsync();
        var otherTeacher = await s.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        var otherChild = await s.School.StudentAsync(otherGroup);
        var otherParent = await s.School.GuardianAsync([otherChild]);
        var otherLeader = await (await app.World.SchoolAsync()).StaffAsync(StaffRole.SchoolLeader);
        using (var care = await app.SignInAsync(s.Care.Email!))
        {
            await PlanAsync(care, s);
        }
        var id = (await app.WithDbAsync(db => db.PlannedConversations.Where(c => c.StudentId == s.Child.Id).Select(c => c.Id).SingleAsync())).ToString();

        using var student = await app.SignInAsync(s.Child.Email!);
        var token = await student.TokenAsync($"/children/{s.Child.Id}/conversations");
        Assert.Equal(HttpStatusCode.NotFound, (await student.PostAsync($"/children/{s.Child.Id}/conversations?handler=Cancel",
            [new("ConversationId", id), new("CancelReason", "x"), new("__RequestVerificationToken", token)])).Status);

        using var family = await app.SignInAsync(otherParent.Email!);
        token = await family.TokenAsync($"/children/{otherChild.Id}/conversations");
        foreach (var child in new[] { otherChild.Id, s.Child.Id })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await family.PostAsync($"/children/{child}/conversations?handler=Cancel",
                [new("ConversationId", id), new("CancelReason", "x"), new("__RequestVerificationToken", token)])).Status);
        }

        foreach (var who in new[] { otherTeacher, otherLeader })
        {
            using var staff = await app.SignInAsync(who.Email!);
            token = await staff.TokenAsync("/conversations");
            foreach (var handler in new[] { "Cancel", "Propose" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/students/{s.Child.Id}/conversations?handler={handler}",
                [
                    new("ConversationId", id), new("Revision", "0"), new("Message", "x"), new("NewTimes[0].Date", "2026-11-24"),
                    new("NewTimes[0].Start", "16:00"), new("NewTimes[0].Minutes", "30"), new("__RequestVerificationToken", token),
                ])).Status);
            }
        }
        Assert.Equal(PlannedStatus.Proposed, await StatusAsync(s));
        Assert.Equal(0, await app.WithDbAsync(db => db.PlannedConversations.Where(c => c.StudentId == s.Child.Id).Select(c => c.Revision).SingleAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutsideConversationChangeTests_Sqlite(SqliteApp app) : OutsideConversationChangeTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class OutsideConversationChangeTests_Postgres(PostgresApp app) : OutsideConversationChangeTests(app);
