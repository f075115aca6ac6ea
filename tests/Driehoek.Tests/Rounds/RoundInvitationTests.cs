using System.Net;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Tests.Rounds;

public abstract class RoundInvitationTests(TestApp app)
{
    [Fact]
    public async Task Publishing_mails_each_guardian_once_in_their_language_and_a_household_without_email_gets_a_letter()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft, language: "tr");
        var yusuf = await s.School.StudentAsync(s.Group, firstName: "Yusuf");
        var arabic = await s.School.GuardianAsync([yusuf], language: "ar");
        var sem = await s.School.StudentAsync(s.Group, firstName: "Sem");
        var offline = await s.School.GuardianAsync([sem], login: false);
        await s.RemoveEmailAsync(offline);
        using var leader = await app.SignInAsync(s.Leader.Email!);

        var published = await s.PublishAsync(leader);

        Assert.NotNull(published.Find(".notice"));
        var turkish = await Mailbox.WaitForAsync(app, s.Parent.Email!);
        Assert.StartsWith("Davet:", turkish.Subject);
        Assert.Contains("Çocuğumuzla evde ya da okulda neler iyi gidiyor?", turkish.Body);
        Assert.Contains(s.Prepare, turkish.Body);
        Assert.Contains($"/rounds/{s.Round.Id}/book", turkish.Body);
        var inArabic = await Mailbox.WaitForAsync(app, arabic.Email!);
        Assert.Contains("دعوة", inArabic.Subject);
        Assert.Contains("ما الذي يسير بشكل جيد مع طفلنا", inArabic.Body);
        var invitations = await app.WithDbAsync(db => db.RoundInvitations.Where(i => i.RoundId == s.Round.Id).ToListAsync());
        Assert.Equal(3, invitations.Count);
        Assert.Null(Assert.Single(invitations, i => i.StudentId == sem.Id).EmailedAt);
        Assert.All(invitations.Where(i => i.StudentId != sem.Id), i => Assert.NotNull(i.EmailedAt));

        var letters = await leader.GetAsync($"/rounds/{s.Round.Id}/letters");
        var letter = Assert.Single(letters.FindAll("article.letter"));
        Assert.Contains("Sem", letter.TextContent);
        Assert.Equal("nl", letter.GetAttribute("lang"));
        var all = await leader.GetAsync($"/rounds/{s.Round.Id}/letters?all=true");
        Assert.Equal(3, all.FindAll("article.letter").Count());
        var arabicLetter = all.FindAll("article.letter").Single(a => a.TextContent.Contains("Yusuf", StringComparison.Ordinal));
        Assert.Equal("rtl", arabicLetter.GetAttribute("dir"));
        Assert.Contains("ما الذي يسير بشكل جيد مع طفلنا", arabicLetter.TextContent);
    }

    [Fact]
    public async Task Publishing_twice_or_sending_missing_invitations_again_sends_nothing_twice()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        using var leader = await app.SignInAsync(s.Leader.Email!);
        var page = await leader.GetAsync($"/rounds/{s.Round.Id}");
        await InvitationScenario.UntilPublishedAsync(leader, await leader.SubmitAsync(page, [], "form[action*='handler=Publish']"));

        var again = await leader.SubmitAsync(page, [], "form[action*='handler=Publish']");
        var overview = await leader.GetAsync($"/rounds/{s.Round.Id}/invitations");

        Assert.NotEmpty(again.Errors);
        Assert.Null(overview.Find("form[action*='handler=SendMissing']"));
        await Mailbox.WaitForAsync(app, s.Parent.Email!);
        Assert.Equal(1, await s.MailsToAsync(s.Parent.Email!));
        Assert.Equal(1, await app.WithDbAsync(db => db.RoundInvitations.CountAsync(i => i.RoundId == s.Round.Id)));
    }

    [Fact]
    public async Task A_student_who_joins_after_publication_is_invited_when_a_leader_sends_the_missing_invitations()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        using var leader = await app.SignInAsync(s.Leader.Email!);
        await s.PublishAsync(leader);
        var newcomer = await s.School.StudentAsync(s.Group, firstName: "Lina");
        var newParent = await s.School.GuardianAsync([newcomer], language: "en");

        var overview = await leader.GetAsync($"/rounds/{s.Round.Id}/invitations");
        Assert.Contains("1", overview.Find("#missing-heading + p")!.TextContent);
        var sent = await leader.SubmitAsync(overview, [], "form[action*='handler=SendMissing']");

        Assert.NotNull(sent.Find(".notice"));
        var mail = await Mailbox.WaitForAsync(app, newParent.Email!);
        Assert.StartsWith("Invitation:", mail.Subject);
        Assert.Contains("Lina", mail.Subject);
        Assert.Equal(1, await s.MailsToAsync(s.Parent.Email!));
        Assert.Equal(2, await app.WithDbAsync(db => db.RoundInvitations.CountAsync(i => i.RoundId == s.Round.Id)));
    }

    [Fact]
    public async Task Sending_the_missing_invitations_runs_in_the_background_and_a_second_send_waits_for_the_first()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        using var leader = await app.SignInAsync(s.Leader.Email!);
        await s.PublishAsync(leader);
        var newcomer = await s.School.StudentAsync(s.Group, firstName: "Noor");
        var newParent = await s.School.GuardianAsync([newcomer]);
        // A send under way (claimed by another instance): a click now must not start a second one.
        var job = await app.WithDbAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Kind == RoundInvitationJob.Kind && j.SubjectId == s.Round.Id));
        for (var i = 0; i < 100 && job.State != JobState.Succeeded; i++)
        {
            await Task.Delay(100);
            job = await app.WithDbAsync(db => db.Set<BackgroundJob>().AsNoTracking().SingleAsync(j => j.Id == job.Id));
        }
        await app.WithDbAsync(db => db.Set<BackgroundJob>().Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.LockedBy, "another instance")
                .SetProperty(j => j.LockedUntil, DateTime.UtcNow.AddHours(1))));

        var busy = await leader.GetAsync($"/rounds/{s.Round.Id}/invitations");
        var refused = await leader.Http.PostAsync($"/api/v1/rounds/{s.Round.Id}/invitations/send-missing", null);

        Assert.NotNull(busy.Find("meta[http-equiv='refresh']"));
        Assert.NotNull(busy.Find("[role=status] progress"));
        Assert.Null(busy.Find("form[action*='handler=SendMissing']"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        await app.WithDbAsync(db => db.Set<BackgroundJob>().Where(j => j.Kind == RoundInvitationJob.Kind && j.SubjectId == s.Round.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.State, JobState.Succeeded)));
        var started = await leader.Http.PostAsync($"/api/v1/rounds/{s.Round.Id}/invitations/send-missing", null);

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("1", await started.Content.ReadAsStringAsync());
        Assert.Contains("Noor", (await Mailbox.WaitForAsync(app, newParent.Email!)).Subject);
        Assert.Equal(2, await app.WithDbAsync(db => db.RoundInvitations.CountAsync(i => i.RoundId == s.Round.Id)));
    }

    [Fact]
    public async Task A_household_without_email_that_joins_after_publication_gets_a_letter_once_its_invitation_is_sent()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        using var leader = await app.SignInAsync(s.Leader.Email!);
        await s.PublishAsync(leader);
        var newcomer = await s.School.StudentAsync(s.Group, firstName: "Jesse");
        var offline = await s.School.GuardianAsync([newcomer], login: false);
        await s.RemoveEmailAsync(offline);
        var letters = $"/rounds/{s.Round.Id}/letters?group={s.Group.Id}";

        var before = await leader.GetAsync(letters);
        using (var teacher = await app.SignInAsync(s.Teacher.Email!))
        {
            var teachersView = await teacher.GetAsync(letters);
            Assert.Contains("In deze groep heeft 1 gezin nog geen uitnodiging", teachersView.Find(".warning")!.TextContent);
            Assert.Null(teachersView.Find(".warning a"));
        }

        Assert.Contains("In deze groep heeft 1 gezin nog geen uitnodiging", before.Find(".warning")!.TextContent);
        Assert.DoesNotContain("alle gezinnen kregen de uitnodiging per e-mail", before.Main);
        Assert.Empty(before.FindAll("article.letter"));
        var overview = await leader.GetAsync(before.Find(".warning a")!.GetAttribute("href")!.Split('#')[0]);
        await leader.SubmitAsync(overview, [], "form[action*='handler=SendMissing']");
        for (var i = 0; i < 100 && await app.WithDbAsync(db => db.RoundInvitations.CountAsync(x => x.RoundId == s.Round.Id)) < 2; i++)
        {
            await Task.Delay(100);
        }

        var after = await leader.GetAsync(letters);
        Assert.Null(after.Find(".warning"));
        Assert.Contains("Jesse", Assert.Single(after.FindAll("article.letter")).TextContent);
    }

    [Fact]
    public async Task A_groups_letters_count_the_missing_invitations_of_that_group_and_a_search_those_of_the_round()
    {
        var school = await app.World.SchoolAsync();
        var (joined, quiet) = (await school.GroupAsync(), await school.GroupAsync());
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        await school.GuardianAsync([await school.StudentAsync(joined)]);
        await school.GuardianAsync([await school.StudentAsync(quiet)]);
        var round = await school.OpenRoundAsync([joined, quiet], status: RoundStatus.Draft);
        using var client = await app.SignInAsync(leader.Email!);
        await InvitationScenario.UntilPublishedAsync(client, await client.SubmitAsync($"/rounds/{round.Id}", [], "form[action*='handler=Publish']"));
        await school.GuardianAsync([await school.StudentAsync(joined, firstName: "Jesse")]);
        await school.GuardianAsync([await school.StudentAsync(joined, firstName: "Sem")]);

        var ofJoined = await client.GetAsync($"/rounds/{round.Id}/letters?group={joined.Id}");
        var ofQuiet = await client.GetAsync($"/rounds/{round.Id}/letters?group={quiet.Id}");
        var searched = await client.GetAsync($"/rounds/{round.Id}/letters?search=Jesse");

        Assert.Contains("In deze groep hebben 2 gezinnen nog geen uitnodiging", ofJoined.Find(".warning")!.TextContent);
        Assert.Null(ofQuiet.Find(".warning"));
        Assert.Contains("2 gezinnen hebben nog geen uitnodiging", searched.Find(".warning")!.TextContent);
    }

    [Fact]
    public async Task The_schools_own_text_is_used_in_mail_and_app_while_other_languages_keep_the_standard_text()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        var english = await s.School.GuardianAsync([s.Child], language: "en");
        using var leader = await app.SignInAsync(s.Leader.Email!);
        var editor = $"/school/{s.School.Id}/invitation-texts/TenMinute/nl";
        var standard = await leader.GetAsync(editor);
        Assert.Contains("tienminutengesprek", standard.Find("#Purpose")!.TextContent);

        var saved = await leader.SubmitAsync(standard, new()
        {
            ["Purpose"] = "Wij praten graag even bij over de eerste maanden.",
            ["ParentQuestions"] = "Waar is uw kind trots op?\r\nWat wilt u ons meegeven?",
        });
        Assert.NotNull(saved.Find(".notice"));
        var overview = await leader.GetAsync($"/school/{s.School.Id}/invitation-texts");
        // The link's visible word; a visually hidden part after it names the form and language.
        Assert.Equal(1, overview.FindAll("td a").Count(a => a.FirstChild?.TextContent == "Aangepast"));
        Assert.Contains(overview.FindAll("td a"), a => a.TextContent.StartsWith("Aangepast: Tienminutengesprek", StringComparison.Ordinal));
        await s.PublishAsync(leader);

        var dutch = await Mailbox.WaitForAsync(app, s.Parent.Email!);
        Assert.Contains("Wij praten graag even bij over de eerste maanden.", dutch.Body);
        Assert.Contains("Wat wilt u ons meegeven?", dutch.Body);
        var inEnglish = await Mailbox.WaitForAsync(app, english.Email!);
        Assert.Contains("In a ten-minute conversation", inEnglish.Body);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var invitation = await parent.GetAsync(s.Invitation);
        Assert.Contains("Wij praten graag even bij", invitation.Main);
        Assert.Contains("Waar is uw kind trots op?", invitation.Main);
        var prepare = await parent.GetAsync(s.Prepare);
        Assert.Equal(2, prepare.FindAll("main textarea").Count());
    }

    [Fact]
    public async Task A_leader_goes_back_to_the_standard_text_only_after_confirming_and_a_stale_edit_is_caught()
    {
        var s = await InvitationScenario.CreateAsync(app);
        using var leader = await app.SignInAsync(s.Leader.Email!);
        var editor = $"/school/{s.School.Id}/invitation-texts/ThreeWay/ar";
        var first = await leader.GetAsync(editor);
        Assert.Equal("rtl", first.Find("#Purpose")!.GetAttribute("dir"));
        var saved = await leader.SubmitAsync(first, new() { ["Purpose"] = "نص المدرسة" });
        Assert.NotNull(saved.Find(".notice"));

        var stale = await leader.SubmitAsync(first, new() { ["Purpose"] = "نص قديم" });
        Assert.Contains(stale.Errors, e => e.Contains("Iemand anders", StringComparison.Ordinal));
        var unconfirmed = await leader.SubmitAsync(saved, [], "form[action*='handler=Reset']");
        Assert.NotEmpty(unconfirmed.Errors);
        var reset = await leader.SubmitAsync(saved, new() { ["sure"] = "true" }, "form[action*='handler=Reset']");

        Assert.NotNull(reset.Find(".notice"));
        Assert.Contains("المحادثة الثلاثية", reset.Find("#Purpose")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.InvitationTemplates.CountAsync(t => t.SchoolId == s.School.Id)));
        var empty = await leader.SubmitAsync(reset, new() { ["Purpose"] = " ", ["TeacherQuestions"] = "" });
        Assert.Equal(2, empty.Errors.Count);
    }

    [Fact]
    public async Task Letters_are_marked_printed_by_a_leader_and_teachers_see_only_their_own_group()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        await s.RemoveEmailAsync(s.Parent);
        var otherGroup = await s.School.GroupAsync();
        var otherTeacher = await s.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        using var leader = await app.SignInAsync(s.Leader.Email!);
        await s.PublishAsync(leader);

        var letters = await leader.GetAsync($"/rounds/{s.Round.Id}/letters?group={s.Group.Id}");
        var marked = await leader.SubmitAsync(letters, new() { ["sure"] = "true" }, "form[action*='handler=Printed']");

        Assert.Contains("1", marked.Find(".notice")!.TextContent);
        Assert.NotNull(await app.WithDbAsync(db => db.RoundInvitations.Where(i => i.RoundId == s.Round.Id).Select(i => i.PrintedAt).SingleAsync()));
        using var teacher = await app.SignInAsync(s.Teacher.Email!);
        var own = await teacher.GetAsync($"/rounds/{s.Round.Id}/letters?group={s.Group.Id}");
        Assert.Single(own.FindAll("article.letter"));
        Assert.Null(own.Find("form[action*='handler=Printed']"));
        using var stranger = await app.SignInAsync(otherTeacher.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync($"/rounds/{s.Round.Id}/letters"));
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/rounds/{s.Round.Id}/letters?group={otherGroup.Id}"));
        var elsewhere = await InvitationScenario.CreateAsync(app);
        using var otherLeader = await app.SignInAsync(elsewhere.Leader.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync($"/rounds/{s.Round.Id}/letters"));
        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync($"/rounds/{s.Round.Id}/invitations"));
        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync($"/school/{s.School.Id}/invitation-texts"));
        using var parent = await app.SignInAsync(elsewhere.Parent.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/rounds/{s.Round.Id}/letters"));
    }

    [Fact]
    public async Task Families_find_the_invitation_from_home_and_from_the_booking_page()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == s.Round.Id)).Mode = RoundMode.Requests;
            await db.SaveChangesAsync();
        });
        var open = await s.School.OpenRoundAsync([s.Group]);
        using var leader = await app.SignInAsync(s.Leader.Email!);
        await s.PublishAsync(leader);
        using var parent = await app.SignInAsync(s.Parent.Email!);

        var home = await parent.GetAsync("/parent");
        var book = await parent.GetAsync($"/rounds/{open.Id}/book");
        var invitation = await parent.GetAsync(s.Invitation);

        Assert.Contains(home.FindAll(".agenda a"), a => a.GetAttribute("href") == s.Invitation);
        Assert.Contains(book.FindAll("main a"), a => a.GetAttribute("href") == $"/rounds/{open.Id}/invitation?student={s.Child.Id}");
        Assert.Contains("De school plant de gesprekken", invitation.Main);
        Assert.Null(invitation.Find($"a[href='/rounds/{s.Round.Id}/book']"));
        Assert.NotNull(invitation.Find($"a[href='{s.Prepare}']"));
        using var student = await app.SignInAsync(s.Child.Email!);
        var studentHome = await student.GetAsync("/student");
        Assert.Contains(studentHome.FindAll(".agenda a"), a => a.GetAttribute("href") == s.Prepare);
        var other = await InvitationScenario.CreateAsync(app);
        using var stranger = await app.SignInAsync(other.Parent.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync(s.Invitation));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RoundInvitationTests_Sqlite(SqliteApp app) : RoundInvitationTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class RoundInvitationTests_Postgres(PostgresApp app) : RoundInvitationTests(app);
