using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Accounts;

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
    public async Task Wrong_passwords_slow_the_next_try_alike_for_known_and_unknown_addresses_and_never_lock_the_owner_out()
    {
        var school = await app.World.SchoolAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, await school.GroupAsync());
        var unknown = $"nobody.{Guid.NewGuid():N}@test.invalid";
        using var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/account/sign-in", new() { ["Email"] = teacher.Email!, ["Password"] = $"wrong-password-{i}" });
            await client.SubmitAsync("/account/sign-in", new() { ["Email"] = unknown, ["Password"] = $"wrong-password-{i}" });
        }

        var owner = await client.SubmitAsync("/account/sign-in", new() { ["Email"] = teacher.Email!, ["Password"] = TestApp.Password });
        var stranger = await client.SubmitAsync("/account/sign-in", new() { ["Email"] = unknown, ["Password"] = "whatever-123" });
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await client.SubmitAsync("/account/sign-in", new() { ["Email"] = teacher.Email!, ["Password"] = TestApp.Password });

        Assert.Null(owner.Find("form[action='/account/sign-out']"));
        Assert.Equal(Assert.Single(owner.Errors), Assert.Single(stranger.Errors));
        Assert.DoesNotContain("15", owner.Errors[0]);
        Assert.NotNull(later.Find("form[action='/account/sign-out']"));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == teacher.Email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Over_long_addresses_are_counted_as_one_and_get_the_same_answer_without_an_error()
    {
        var prefix = $"long.{Guid.NewGuid():N}." + new string('x', 300);
        using var client = app.Client();
        var answers = new List<Page>();
        for (var i = 0; i < 6; i++)
        {
            // Each try a different megabyte-long "address", alike in its first 256 characters.
            answers.Add(await client.SubmitAsync("/account/sign-in", new() { ["Email"] = prefix + i + new string('y', 1024 * 1024), ["Password"] = "whatever-123" }));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Take(5), a => Assert.Equal(answers[0].Errors.Single(), a.Errors.Single()));
        Assert.NotEqual(answers[0].Errors.Single(), answers[5].Errors.Single());
    }

    [Fact]
    public async Task An_unknown_address_costs_the_same_password_hash_as_a_wrong_password()
    {
        var school = await app.World.SchoolAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, await school.GroupAsync());
        var counting = new CountingHasher();
        using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Driehoek.Web.Features.Accounts.AppUser>>(counting)));
        using var client = new AppClient(host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));

        await client.SubmitAsync("/account/sign-in", new() { ["Email"] = teacher.Email!, ["Password"] = "wrong-password-1" });
        var forKnown = counting.Verifications;
        await client.SubmitAsync("/account/sign-in", new() { ["Email"] = $"nobody.{Guid.NewGuid():N}@test.invalid", ["Password"] = "wrong-password-1" });

        Assert.Equal(1, forKnown);
        Assert.Equal(2, counting.Verifications);
    }

    private sealed class CountingHasher : Microsoft.AspNetCore.Identity.IPasswordHasher<Driehoek.Web.Features.Accounts.AppUser>
    {
        private readonly Microsoft.AspNetCore.Identity.PasswordHasher<Driehoek.Web.Features.Accounts.AppUser> _real = new();
        public int Verifications;

        public string HashPassword(Driehoek.Web.Features.Accounts.AppUser user, string password) => _real.HashPassword(user, password);

        public Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(
            Driehoek.Web.Features.Accounts.AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Staff_member_turns_on_authenticator_and_then_needs_a_code_to_sign_in()
    {
        var school = await app.World.SchoolAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, await school.GroupAsync());
        using var client = await app.SignInAsync(teacher.Email!);
        var setup = await client.GetAsync("/account/authenticator");
        var key = setup.Find("code.key")!.TextContent;
        Assert.NotNull(setup.Find("img.qr[alt]"));

        var wrong = await client.SubmitAsync(setup, new() { ["Code"] = "000000" });
        Assert.Single(wrong.Errors);
        var enabled = await client.SubmitAsync(setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(10, enabled.FindAll("ul.codes li").Count());
        await client.SubmitAsync("/account/sign-out", []);

        using var fresh = app.Client();
        var challenge = await fresh.SubmitAsync("/account/sign-in", new() { ["Email"] = teacher.Email!, ["Password"] = TestApp.Password });
        Assert.EndsWith("/account/two-factor", challenge.Url.AbsolutePath);
        var home = await fresh.SubmitAsync(challenge, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.NotNull(home.Find("form[action='/account/sign-out']"));
    }

    [Fact]
    public async Task Turning_two_step_sign_in_off_takes_the_password_or_a_current_code_not_just_the_session()
    {
        var school = await app.World.SchoolAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, await school.GroupAsync());
        using var client = await app.SignInAsync(teacher.Email!);
        var setup = await client.GetAsync("/account/authenticator");
        await client.SubmitAsync(setup, new() { ["Code"] = Totp.Code(setup.Find("code.key")!.TextContent, DateTimeOffset.UtcNow) });
        const string turnOff = "form[action*='handler=Disable']";
        Task<bool> IsOnAsync() => app.WithDbAsync(db => db.Users.Where(u => u.Email == teacher.Email).Select(u => u.TwoFactorEnabled).SingleAsync());

        var page = await client.GetAsync("/account/authenticator");
        var withoutProof = await client.SubmitAsync(page, new() { ["Confirmation"] = "" }, turnOff);
        var wrongPassword = await client.SubmitAsync(page, new() { ["Confirmation"] = "not-my-password" }, turnOff);
        var onAfterBoth = await IsOnAsync();
        await client.SubmitAsync(page, new() { ["Confirmation"] = TestApp.Password }, turnOff);

        Assert.True(onAfterBoth);
        Assert.Single(withoutProof.Errors);
        Assert.Single(wrongPassword.Errors);
        Assert.False(await IsOnAsync());
    }

    [Fact]
    public async Task An_empty_sign_in_form_gets_the_form_back_with_a_message_not_an_error_page()
    {
        using var client = app.Client();

        var page = await client.SubmitAsync("/account/sign-in", new() { ["Email"] = "", ["Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Single(page.Errors);
    }

    [Fact]
    public async Task Changing_the_password_with_empty_fields_says_the_current_one_is_wrong()
    {
        var user = await World.UserAsync(app, "Empty fields");
        using var client = await app.SignInAsync(user.Email!);

        var page = await client.SubmitAsync("/account", new() { ["CurrentPassword"] = "", ["NewPassword"] = "" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Het huidige wachtwoord klopt niet.", page.Errors);
    }

    [Fact]
    public async Task A_tick_box_posted_with_a_value_no_browser_sends_gets_the_form_back_with_a_message()
    {
        using var client = app.Client();

        var page = await client.SubmitAsync("/account/sign-in", new() { ["Email"] = "", ["Password"] = "", ["RememberMe"] = "-1" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("De waarde '-1' is niet geldig.", page.Errors);
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

        // A school leader has an authenticator: the code page comes first, with the same safe return address.
        Assert.Contains(response.Headers.Location!.OriginalString, new[] { "/", "/account/two-factor?ReturnUrl=%2F&RememberMe=False" });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInTests_Sqlite(SqliteApp app) : SignInTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class SignInTests_Postgres(PostgresApp app) : SignInTests(app);
