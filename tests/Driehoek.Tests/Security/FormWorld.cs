using System.Net;
using Driehoek.Tests.Agreements;
using Driehoek.Tests.ParentEvenings;
using Driehoek.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Tests.Security;

/// <summary>
/// Someone sending forms: signed in as one person, halfway through two-step sign-in, or nobody. A form may
/// sign them out (or in); <see cref="RestoreAsync"/> makes them who they were again.
/// </summary>
internal sealed class Visitor(string who, Func<Task<AppClient>> connect, string check, HttpStatusCode expected, string tokenPage) : IDisposable
{
    public string Who => who;
    public AppClient Client { get; private set; } = null!;

    /// <summary>This visitor's antiforgery token (tokens are per user and cookie, not per page).</summary>
    public string Token { get; private set; } = "";

    public static Visitor SignedIn(TestApp app, string who, string email) =>
        new(who, () => app.SignInAsync(email), "/account", HttpStatusCode.OK, "/account");

    public static Visitor SignedOut(TestApp app) =>
        new("signed out", () => Task.FromResult(app.Client()), "/account", HttpStatusCode.Redirect, "/account/sign-in");

    /// <summary>Password given, the authenticator code not yet.</summary>
    public static Visitor Halfway(TestApp app, string email) =>
        new("halfway two-step", () => HalfwayAsync(app, email), "/account/two-factor", HttpStatusCode.OK, "/account/two-factor");

    /// <summary>Signed in through the code page, so the authenticator page offers to turn it off.</summary>
    public static Visitor TwoStep(TestApp app, string email) => new("two-step", async () =>
    {
        var client = await HalfwayAsync(app, email);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
        await client.SubmitAsync("/account/two-factor", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        return client;
    }, "/account", HttpStatusCode.OK, "/account");

    public async Task ConnectAsync()
    {
        Client?.Dispose();
        Client = await connect();
        Assert.Equal(expected, await Client.StatusAsync(check));
        Token = await Client.TokenAsync(tokenPage);
    }

    public async Task RestoreAsync()
    {
        if (await Client.StatusAsync(check) != expected)
        {
            await ConnectAsync();
        }
    }

    public void Dispose() => Client?.Dispose();

    private static async Task<AppClient> HalfwayAsync(TestApp app, string email)
    {
        var client = app.Client();
        await client.SubmitAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = TestApp.Password });
        return client;
    }
}

/// <summary>
/// One of everything a form handler can be about — a school with a published round, slots, a booking, a
/// pending roster import and an account invitation; a parent evening in request mode with a finished
/// scheduler run; a parent with two-step sign-in — and everyone who opens those pages.
/// </summary>
internal sealed record FormWorld(IReadOnlyList<Visitor> Visitors, IReadOnlyDictionary<string, string[]> Ids) : IDisposable
{
    public Visitor Parent => Visitors.Single(v => v.Who == "parent");
    public Visitor Leader => Visitors.Single(v => v.Who == "leader");
    public Visitor Student => Visitors.Single(v => v.Who == "student");
    public Visitor SignedOut => Visitors.Single(v => v.Who == "signed out");

    public static async Task<FormWorld> CreateAsync(TestApp app)
    {
        var s = await InvitationScenario.CreateAsync(app);
        var slots = await s.School.SlotsAsync(s.Round, s.Teacher, 6);
        var invited = await s.School.GuardianAsync([s.Child], login: false);
        var twoStep = await s.School.GuardianAsync([await s.School.StudentAsync(s.Group)]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(twoStep.Email!))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        var evening = await Evening.CreateAsync(app);
        var pupil = await evening.School.StudentAsync(evening.Group);
        var family = await evening.School.GuardianAsync([pupil]);
        await evening.AskAsync(app, family, english: true, topics: "Engels");

        // In the order a page is tried: the first who may open it sends its forms.
        var visitors = new List<Visitor>
        {
            Visitor.SignedIn(app, "leader", s.Leader.Email!), Visitor.SignedIn(app, "teacher", s.Teacher.Email!),
            Visitor.SignedIn(app, "parent", s.Parent.Email!), Visitor.SignedIn(app, "student", s.Child.Email!),
            Visitor.SignedIn(app, "evening leader", evening.Leader.Email!), Visitor.SignedIn(app, "evening parent", family.Email!),
            Visitor.SignedIn(app, "board admin", (await app.World.BoardAdminAsync(s.School.BoardId)).Email!),
            Visitor.TwoStep(app, twoStep.Email!), Visitor.Halfway(app, twoStep.Email!), Visitor.SignedOut(app),
        };
        foreach (var visitor in visitors)
        {
            await visitor.ConnectAsync();
        }
        var leader = visitors[0].Client;
        await leader.SubmitAsync($"/school/{s.School.Id}/invitations", new() { ["kind"] = "Guardian" });
        var import = await leader.UploadAsync($"/school/{s.School.Id}/import", "File",
            RosterFiles.Utf8(RosterFiles.Students(2, $"R{Guid.NewGuid():N}"[..9])), "leerlingen.csv");
        var grades = await leader.UploadAsync($"/school/{s.School.Id}/grades", "File", RosterFiles.Utf8("Leerlingnummer;Vak;Periode;Cijfer\n"), "cijfers.csv");
        var booking = await visitors[2].Client.BookAsync(s.Round.Id, s.Child.Id, slots[0].Id, "Rekenen");
        var run = await evening.RunAsync(app, visitors.Single(v => v.Who == "evening leader").Client);
        var join = new Uri(Mailbox.Link(await Mailbox.WaitForAsync(app, invited.Email!), "/join/"));
        var block = await app.WithDbAsync(db => db.AvailabilityBlocks.Where(b => b.RoundId == s.Round.Id).Select(b => b.Id).SingleAsync());
        var session = await evening.SessionIdAsync(app);
        var agreement = await app.AgreementAsync(s.Leader.Email!, s.Child.Id, "student", "Elke dag lezen");
        string[] Of(params object[] values) => values.Select(v => v.ToString()!).ToArray();
        return new FormWorld(visitors, new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
            {
                ["schoolId"] = Of(s.School.Id, evening.School.Id), ["boardId"] = Of(s.School.BoardId), ["roundId"] = Of(s.Round.Id, evening.Round.Id), ["slotId"] = Of(slots[2].Id),
                ["student"] = Of(s.Child.Id, pupil.Id), ["studentId"] = Of(s.Child.Id, pupil.Id), ["bookingId"] = Of(booking),
                ["importId"] = Of(import.Url.Segments[^1], grades.Url.Segments[^1]), ["runId"] = Of(run), ["token"] = Of(join.Segments[^1]),
                ["staffMemberId"] = Of(s.Teacher.Id), ["blockId"] = Of(block), ["sessionId"] = Of(session),
                ["form"] = Of("TenMinute"), ["agenda"] = Of("ThreeWay"), ["language"] = Of("nl"), ["date"] = Of(FollowThroughWorld.FirstDay), ["all"] = Of("true"),
                ["agreementId"] = Of(agreement),
                ["groupId"] = Of(s.Group.Id),
            });
    }

    public void Dispose()
    {
        foreach (var visitor in Visitors)
        {
            visitor.Dispose();
        }
    }
}
