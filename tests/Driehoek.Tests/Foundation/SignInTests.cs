using System.Net;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Foundation;

public abstract class SignInTests(TestApp app)
{
    [Fact]
    public async Task Staff_member_signs_in_and_out()
    {
        var school = await app.World.SchoolAsync();
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var client = await app.SignInAsync(leader.Email!);

        var signedOut = await client.SubmitAsync("/account/sign-out", []);

        Assert.Null(signedOut.Find("form[action='/account/sign-out']"));
        Assert.Equal(HttpStatusCode.Redirect, await client.StatusAsync("/teacher"));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_address_get_the_same_message()
    {
        var school = await app.World.SchoolAsync();
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var client = app.Client();

        var wrong = await client.SubmitAsync("/account/sign-in", new() { ["Email"] = leader.Email!, ["Password"] = "not-the-password" });
        var unknown = await client.SubmitAsync("/account/sign-in", new() { ["Email"] = "nobody@test.invalid", ["Password"] = "whatever-123" });

        Assert.Single(wrong.Errors);
        Assert.Equal(wrong.Errors, unknown.Errors);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var school = await app.World.SchoolAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, await school.GroupAsync());
        using var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/account/sign-in", new() { ["Email"] = teacher.Email!, ["Password"] = $"wrong-password-{i}" });
        }

        var page = await client.SubmitAsync("/account/sign-in", new() { ["Email"] = teacher.Email!, ["Password"] = TestApp.Password });

        Assert.Null(page.Find("form[action='/account/sign-out']"));
        Assert.Contains("15", Assert.Single(page.Errors));
    }

    [Fact]
    public async Task Staff_member_turns_on_authenticator_and_then_needs_a_code_to_sign_in()
    {
        var school = await app.World.SchoolAsync();
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var client = await app.SignInAsync(leader.Email!);
        var setup = await client.GetAsync("/account/authenticator");
        var key = setup.Find("code.key")!.TextContent;
        Assert.NotNull(setup.Find("img.qr[alt]"));

        var wrong = await client.SubmitAsync(setup, new() { ["Code"] = "000000" });
        Assert.Single(wrong.Errors);
        var enabled = await client.SubmitAsync(setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(10, enabled.FindAll("ul.codes li").Count());
        await client.SubmitAsync("/account/sign-out", []);

        using var fresh = app.Client();
        var challenge = await fresh.SubmitAsync("/account/sign-in", new() { ["Email"] = leader.Email!, ["Password"] = TestApp.Password });
        Assert.EndsWith("/account/two-factor", challenge.Url.AbsolutePath);
        var home = await fresh.SubmitAsync(challenge, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.NotNull(home.Find("form[action='/account/sign-out']"));
    }

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in_and_the_api_answers_401()
    {
        var school = await app.World.SchoolAsync();
        using var client = app.Client();

        var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/school/{school.Id}"), follow: false);
        var api = await client.StatusAsync($"/api/v1/schools/{school.Id}");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, api);
    }

    [Fact]
    public async Task Sign_in_ignores_a_return_address_on_another_site()
    {
        var school = await app.World.SchoolAsync();
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var client = app.Client();
        var form = await client.GetAsync("/account/sign-in?ReturnUrl=https://evil.example/");
        var token = form.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = leader.Email!, ["Password"] = TestApp.Password, ["ReturnUrl"] = "https://evil.example/",
                ["__RequestVerificationToken"] = token,
            }),
        }, follow: false);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInTests_Sqlite(SqliteApp app) : SignInTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class SignInTests_Postgres(PostgresApp app) : SignInTests(app);
