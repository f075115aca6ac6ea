using System.Net;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Accounts;

public abstract class InvitationTests(TestApp app)
{
    [Fact]
    public async Task Guardian_joins_through_the_emailed_link_and_sees_their_child()
    {
        var school = await app.World.SchoolAsync();
        var child = await school.StudentAsync(await school.GroupAsync(), firstName: "Fenna");
        var guardian = await school.GuardianAsync([child], login: false, language: "tr");
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);

        using var staff = await app.SignInAsync(leader.Email!);
        var sent = await InvitationSends.SendAllAsync(staff, school.Id);
        Assert.Contains("1", sent.Find("[role=status]")!.TextContent);

        var mail = await Mailbox.WaitForAsync(app, guardian.Email!);
        Assert.Contains(school.School.Name, mail.Subject);
        Assert.Contains("Sayın", mail.Body); // the guardian's own language
        var link = new Uri(Mailbox.Link(mail, "/join/")).PathAndQuery;

        using var parent = app.Client();
        var join = await parent.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, join.Status);
        var home = await parent.SubmitAsync(join, new() { ["Password"] = "een lange zin als wachtwoord", ["ConfirmPassword"] = "een lange zin als wachtwoord" });

        Assert.Contains("Fenna", home.Main);
        Assert.Equal(HttpStatusCode.Gone, (await app.Client().GetAsync(link)).Status);
    }

    /// <summary>A guardian the roster has in Arabic, invited by e-mail; returns the join link.</summary>
    private async Task<(Person Guardian, string Link)> ArabicGuardianInvitedAsync()
    {
        var school = await app.World.SchoolAsync();
        var guardian = await school.GuardianAsync([await school.StudentAsync(await school.GroupAsync())], login: false, language: "ar");
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using (var staff = await app.SignInAsync(leader.Email!))
        {
            await InvitationSends.SendAllAsync(staff, school.Id);
        }
        var link = new Uri(Mailbox.Link(await Mailbox.WaitForAsync(app, guardian.Email!), "/join/")).PathAndQuery;
        return (guardian, link);
    }

    /// <summary>Makes the account on the join page and returns the language the account got.</summary>
    private async Task<string> JoinedLanguageAsync(AppClient parent, Page join, Person guardian)
    {
        await parent.SubmitAsync(join, new() { ["Password"] = "een lange zin als wachtwoord", ["ConfirmPassword"] = "een lange zin als wachtwoord" });
        return await app.WithDbAsync(db => db.Users.Where(u => u.Email == guardian.Email).Select(u => u.PreferredLanguage).SingleAsync());
    }

    [Fact]
    public async Task A_guardian_whose_language_on_file_is_Arabic_joins_in_Arabic_even_from_a_Dutch_browser()
    {
        var (guardian, link) = await ArabicGuardianInvitedAsync();
        using var parent = app.Client();
        parent.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-NL,nl;q=0.9");

        var join = await parent.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, join.Status);
        Assert.Equal("rtl", join.Find("html")!.GetAttribute("dir"));
        Assert.Equal("ar", join.Find("html")!.GetAttribute("lang"));
        Assert.NotNull(join.Find("#language-on-file a[hreflang=nl]"));
        Assert.Equal("ar", await JoinedLanguageAsync(parent, join, guardian));
    }

    [Fact]
    public async Task A_guardian_who_picks_another_language_on_the_join_page_keeps_it()
    {
        var (guardian, link) = await ArabicGuardianInvitedAsync();
        using var parent = app.Client();
        var arabic = await parent.GetAsync(link);

        var english = await parent.GetAsync(arabic.Find("#language-on-file a[hreflang=en]")!.GetAttribute("href")!);

        Assert.Equal("en", english.Find("html")!.GetAttribute("lang"));
        Assert.Null(english.Find("#language-on-file"));
        Assert.Equal("en", await JoinedLanguageAsync(parent, english, guardian));
    }

    [Fact]
    public async Task Joining_with_both_password_fields_empty_asks_for_a_longer_password()
    {
        var school = await app.World.SchoolAsync();
        var guardian = await school.GuardianAsync([await school.StudentAsync(await school.GroupAsync())], login: false);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using (var staff = await app.SignInAsync(leader.Email!))
        {
            await staff.SubmitAsync($"/school/{school.Id}/invitations", new() { ["kind"] = "Guardian" });
        }
        var link = new Uri(Mailbox.Link(await Mailbox.WaitForAsync(app, guardian.Email!), "/join/")).PathAndQuery;
        using var parent = app.Client();

        var page = await parent.SubmitAsync(link, new() { ["Password"] = "", ["ConfirmPassword"] = "" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Het wachtwoord moet minstens 10 tekens hebben.", page.Errors);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(link)).Status);
    }

    [Fact]
    public async Task Expired_and_unknown_links_explain_themselves_and_create_nothing()
    {
        var school = await app.World.SchoolAsync();
        var child = await school.StudentAsync(await school.GroupAsync());
        var guardian = await school.GuardianAsync([child], login: false);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var staff = await app.SignInAsync(leader.Email!);
        await InvitationSends.SendAllAsync(staff, school.Id);
        var link = new Uri(Mailbox.Link(await Mailbox.WaitForAsync(app, guardian.Email!), "/join/")).PathAndQuery;

        app.Clock.Advance(TimeSpan.FromDays(15));
        try
        {
            using var parent = app.Client();
            var expired = await parent.GetAsync(link);
            var unknown = await parent.GetAsync("/join/not-a-real-token");
            var forced = await parent.PostAsync(link, [new("Password", "een lange zin als wachtwoord"), new("ConfirmPassword", "een lange zin als wachtwoord")]);

            Assert.Equal(HttpStatusCode.Gone, expired.Status);
            Assert.NotNull(expired.Find("[role=alert]"));
            Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
            Assert.NotEqual(HttpStatusCode.OK, forced.Status);
            var userId = await app.WithDbAsync(db => db.Guardians.Where(g => g.Id == guardian.Id).Select(g => g.UserId).SingleAsync());
            Assert.Null(userId);
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
    }

    [Fact]
    public async Task A_parent_with_an_account_links_a_second_school_with_their_password()
    {
        var first = await app.World.SchoolAsync();
        var second = await app.World.SchoolAsync(boardId: first.BoardId);
        var olderChild = await first.StudentAsync(await first.GroupAsync(), firstName: "Oudste");
        var youngerChild = await second.StudentAsync(await second.GroupAsync(), firstName: "Jongste");
        var parent = await first.GuardianAsync([olderChild]);
        var unlinked = await second.GuardianAsync([youngerChild], login: false, email: parent.Email);
        var leader = await second.StaffAsync(StaffRole.SchoolLeader);
        using var staff = await app.SignInAsync(leader.Email!);
        await InvitationSends.SendAllAsync(staff, second.Id);
        var link = new Uri(Mailbox.Link(await Mailbox.WaitForAsync(app, unlinked.Email!, m => m.Subject.Contains(second.School.Name)), "/join/")).PathAndQuery;

        using var client = app.Client();
        var join = await client.GetAsync(link);
        Assert.Null(join.Find("#ConfirmPassword"));
        var wrong = await client.SubmitAsync(join, new() { ["Password"] = "not-my-password" });
        Assert.Single(wrong.Errors);
        var home = await client.SubmitAsync(join, new() { ["Password"] = TestApp.Password });

        Assert.Contains("Oudste", home.Main);
        Assert.Contains("Jongste", home.Main);
    }

    [Fact]
    public async Task Teacher_cannot_send_invitations_for_the_school()
    {
        var school = await app.World.SchoolAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, await school.GroupAsync());
        using var client = await app.SignInAsync(teacher.Email!);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{school.Id}/invitations"));
        var token = await client.TokenAsync("/account");
        var post = await client.PostAsync($"/school/{school.Id}/invitations", [new("kind", "Guardian"), new("__RequestVerificationToken", token)], follow: false);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InvitationTests_Sqlite(SqliteApp app) : InvitationTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class InvitationTests_Postgres(PostgresApp app) : InvitationTests(app);
