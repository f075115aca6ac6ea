using System.Net;
using System.Text.Json;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Platform;

public abstract class PlatformTests(TestApp app)
{
    [Fact]
    public async Task Health_and_openapi_answer_without_signing_in()
    {
        using var client = app.Client();

        var health = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/healthz"), false);
        var openapi = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json"), false);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        using var doc = JsonDocument.Parse(await openapi.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/me", paths);
        Assert.Contains("/api/v1/students/{studentId}", paths);
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_an_antiforgery_token()
    {
        using var client = app.Client();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/account/sign-in"), false);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Fact]
    public async Task A_form_posted_without_its_token_is_refused()
    {
        using var client = app.Client();

        var response = await client.PostAsync("/account/sign-in", [new("Email", "a@test.invalid"), new("Password", "whatever-1234")], follow: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task The_api_tells_a_parent_about_their_children_and_nothing_else()
    {
        var school = await app.World.SchoolAsync();
        var child = await school.StudentAsync(await school.GroupAsync());
        var parent = await school.GuardianAsync([child]);
        using var client = await app.SignInAsync(parent.Email!);

        var (status, me) = await client.GetJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, status);
        var children = me.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(child.Id, Assert.Single(children).GetProperty("id").GetGuid());
        Assert.Empty(me.GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task A_person_without_any_role_gets_a_clear_empty_state()
    {
        var user = await World.UserAsync(app, "Nobody");
        using var client = await app.SignInAsync(user.Email!);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.NotNull(home.Find("main .empty"));
    }

    [Fact]
    public async Task A_value_that_does_not_fit_is_explained_in_the_users_language()
    {
        var user = await World.UserAsync(app, "Nobody");
        using var client = await app.SignInAsync(user.Email!);

        var page = await client.GetAsync("/account?saved=banaan&lang=tr");

        Assert.Contains("'banaan' değeri geçerli değil.", page.Errors);
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_not_found_page()
    {
        using var client = app.Client();

        var page = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Niet gevonden", page.Find("h1")!.TextContent);
    }

    [Fact]
    public async Task A_post_to_a_page_that_only_shows_or_to_an_unknown_handler_is_refused_not_an_error()
    {
        var school = await app.World.SchoolAsync();
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var client = await app.SignInAsync(leader.Email!);
        var token = await client.TokenAsync("/account");

        var post = await client.PostAsync($"/school/{school.Id}", [new("__RequestVerificationToken", token)], follow: false);
        // The rounds page has only named post handlers, so no unnamed one stands in for an unknown name.
        var unknown = await client.PostAsync($"/school/{school.Id}/rounds?handler=Unknown", [new("__RequestVerificationToken", token)], follow: false);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Teacher_home_lists_groups_with_role_and_subject()
    {
        var school = await app.World.SchoolAsync(Driehoek.Web.Features.Organisation.SchoolKind.Secondary);
        var group = await school.GroupAsync("3C", 3);
        var teacher = await school.StaffAsync(StaffRole.Mentor, group);
        await school.AssignAsync(teacher, StaffRole.SubjectTeacher, group, "Biologie");
        using var client = await app.SignInAsync(teacher.Email!);

        var home = await client.GetAsync("/");

        Assert.EndsWith("/teacher", home.Url.AbsolutePath);
        Assert.Equal(2, home.FindAll("table.list tbody tr").Count());
        Assert.Contains("Biologie", home.Main);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlatformTests_Sqlite(SqliteApp app) : PlatformTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class PlatformTests_Postgres(PostgresApp app) : PlatformTests(app);
