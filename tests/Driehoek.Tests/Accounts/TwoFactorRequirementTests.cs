using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Accounts;

/// <summary>
/// A school requires two-step sign-in per staff role (by default of the care coordinator, school leaders and
/// administrators), a board of its admins. Until such a user has signed in with a code, they reach only the
/// authenticator set-up, sign-out, language and static files.
/// </summary>
public abstract class TwoFactorRequirementTests(TestApp app)
{
    private const string SetUp = "/account/authenticator";

    private static async Task<HttpResponseMessage> ApiAsync(AppClient client, string url) =>
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), follow: false);

    private static async Task<string?> RedirectOfAsync(AppClient client, string url)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), follow: false);
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : null;
    }

    [Fact]
    public async Task Care_coordinator_without_two_step_sign_in_is_sent_to_set_it_up_and_gets_neither_school_pages_nor_the_api()
    {
        var school = await app.World.SchoolAsync();
        var coordinator = await school.StaffAsync(StaffRole.CareCoordinator, authenticator: false);
        using var client = await app.SignInAsync(coordinator.Email!);

        var page = await client.GetAsync($"/school/{school.Id}");
        using var api = await ApiAsync(client, $"/api/v1/schools/{school.Id}");

        Assert.Equal(SetUp, page.Url.AbsolutePath);
        Assert.Contains("Uw school vraagt", page.Find("main .notice")!.TextContent);
        Assert.NotNull(page.Find("code.key"));
        Assert.StartsWith(SetUp, await RedirectOfAsync(client, "/account"));
        Assert.StartsWith(SetUp, await RedirectOfAsync(client, "/"));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/account/authenticator", await api.Content.ReadAsStringAsync());
        Assert.DoesNotContain(school.School.Name, page.Html);
        // The language and the style sheet stay reachable; so does signing out.
        var english = await client.SubmitAsync(page, new() { ["culture"] = "en" }, "form.language-form");
        Assert.Contains("Your school asks", english.Find("main .notice")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/css/site.css"));
        var signedOut = await client.SubmitAsync(english, [], "form[action='/account/sign-out']");
        Assert.Null(signedOut.Find("form[action='/account/sign-out']"));
    }

    [Fact]
    public async Task After_setting_up_the_authenticator_the_care_coordinator_goes_on_and_next_time_signs_in_with_a_code()
    {
        var school = await app.World.SchoolAsync();
        var coordinator = await school.StaffAsync(StaffRole.CareCoordinator, authenticator: false);
        using var client = await app.SignInAsync(coordinator.Email!);
        var setup = await client.GetAsync($"/school/{school.Id}");
        var key = setup.Find("code.key")!.TextContent;

        var enabled = await client.SubmitAsync(setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var onward = enabled.Find("main a.button.primary")!.GetAttribute("href");
        var schoolPage = await client.GetAsync(onward!);
        using var api = await ApiAsync(client, $"/api/v1/schools/{school.Id}");

        Assert.Equal(10, enabled.FindAll("ul.codes li").Count());
        Assert.Equal($"/school/{school.Id}", onward);
        Assert.Equal((HttpStatusCode.OK, $"/school/{school.Id}"), (schoolPage.Status, schoolPage.Url.AbsolutePath));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        using var fresh = app.Client();
        var challenge = await fresh.SubmitAsync("/account/sign-in", new() { ["Email"] = coordinator.Email!, ["Password"] = TestApp.Password });
        Assert.Equal("/account/two-factor", challenge.Url.AbsolutePath);
        await fresh.SubmitAsync(challenge, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, await fresh.StatusAsync($"/school/{school.Id}"));
    }

    [Fact]
    public async Task Group_teacher_at_a_school_that_does_not_require_it_signs_in_with_the_password_alone()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        using var client = await app.SignInAsync(teacher.Email!);

        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == teacher.Email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/teacher"));
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/groups/{group.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(client, $"/api/v1/groups/{group.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_school_that_turns_the_requirement_off_for_a_role_frees_that_role_and_one_that_turns_it_on_binds_it()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var coordinator = await school.StaffAsync(StaffRole.CareCoordinator, authenticator: false);
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        using var coordinatorClient = await app.SignInAsync(coordinator.Email!);
        Assert.StartsWith(SetUp, await RedirectOfAsync(coordinatorClient, $"/school/{school.Id}"));

        using var leaderClient = await app.SignInAsync(leader.Email!);
        var form = await leaderClient.GetAsync($"/school/{school.Id}/settings");
        Assert.Equal(new[] { "CareCoordinator", "SchoolLeader", "Administrator" },
            form.FindAll("input[name=twoFactorRoles][checked]").Select(i => i.GetAttribute("value")).ToArray());
        var saved = await leaderClient.PostAsync($"/school/{school.Id}/settings",
        [
            new("__RequestVerificationToken", form.Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("twoFactorRoles", "GroupTeacher"), new("twoFactorRoles", "SchoolLeader"), new("twoFactorRoles", "Administrator"),
        ]);

        Assert.NotNull(saved.Find("main .notice"));
        Assert.Equal(HttpStatusCode.OK, await coordinatorClient.StatusAsync($"/school/{school.Id}"));
        using var teacherClient = await app.SignInAsync(teacher.Email!);
        Assert.StartsWith(SetUp, await RedirectOfAsync(teacherClient, $"/groups/{group.Id}"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "school-settings.saved" && a.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Only_the_schools_leaders_see_or_change_its_settings()
    {
        var school = await app.World.SchoolAsync();
        var other = await app.World.SchoolAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, await school.GroupAsync());
        var coordinator = await school.StaffAsync(StaffRole.CareCoordinator);
        var otherLeader = await other.StaffAsync(StaffRole.SchoolLeader);
        using var teacherClient = await app.SignInAsync(teacher.Email!);
        var token = await teacherClient.TokenAsync("/account");

        var forged = await teacherClient.PostAsync($"/school/{school.Id}/settings", [new("__RequestVerificationToken", token)]);
        using var coordinatorClient = await app.SignInAsync(coordinator.Email!);
        using var otherClient = await app.SignInAsync(otherLeader.Email!);

        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Equal(HttpStatusCode.NotFound, await coordinatorClient.StatusAsync($"/school/{school.Id}/settings"));
        Assert.Equal(HttpStatusCode.NotFound, await otherClient.StatusAsync($"/school/{school.Id}/settings"));
        Assert.Equal(School.DefaultTwoFactorRoles,
            await app.WithDbAsync(db => db.Schools.Where(s => s.Id == school.Id).Select(s => s.TwoFactorRoles).SingleAsync()));
    }

    [Fact]
    public async Task A_board_admin_is_required_to_use_two_step_sign_in_by_default()
    {
        var school = await app.World.SchoolAsync();
        var admin = await app.World.BoardAdminAsync(school.BoardId, authenticator: false);
        var enrolled = await app.World.BoardAdminAsync(school.BoardId);
        using var client = await app.SignInAsync(admin.Email!);
        using var withCode = await app.SignInAsync(enrolled.Email!);

        Assert.StartsWith(SetUp, await RedirectOfAsync(client, $"/board/{school.BoardId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(client, $"/api/v1/boards/{school.BoardId}")).StatusCode);
        var board = await withCode.GetAsync($"/board/{school.BoardId}");
        Assert.Equal(HttpStatusCode.OK, board.Status);

        await withCode.SubmitAsync(board, new() { ["twoFactorForAdmins"] = "false" }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/board/{school.BoardId}"));
    }

    [Fact]
    public async Task Turning_the_authenticator_off_sends_a_user_whose_role_requires_it_back_to_set_up()
    {
        var school = await app.World.SchoolAsync();
        var coordinator = await school.StaffAsync(StaffRole.CareCoordinator);
        using var client = await app.SignInAsync(coordinator.Email!);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/school/{school.Id}"));

        var page = await client.GetAsync(SetUp);
        await client.SubmitAsync(page, new() { ["Confirmation"] = TestApp.Password }, "form[action*='handler=Disable']");

        Assert.StartsWith(SetUp, await RedirectOfAsync(client, $"/school/{school.Id}"));
    }

    [Fact]
    public async Task A_sign_in_with_a_code_stays_one_after_the_periodic_security_stamp_check()
    {
        var school = await app.World.SchoolAsync();
        var coordinator = await school.StaffAsync(StaffRole.CareCoordinator);
        using var client = await app.SignInAsync(coordinator.Email!);
        var now = app.Clock.GetUtcNow();

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        try
        {
            var first = await client.StatusAsync($"/school/{school.Id}");
            var second = await client.StatusAsync($"/school/{school.Id}");
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first, second));
        }
        finally
        {
            app.Clock.Set(now);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TwoFactorRequirementTests_Sqlite(SqliteApp app) : TwoFactorRequirementTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class TwoFactorRequirementTests_Postgres(PostgresApp app) : TwoFactorRequirementTests(app);
