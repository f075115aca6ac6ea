using System.Diagnostics;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Driehoek.Tests.ParentEvenings;
using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Driehoek.Tests.Browser;

/// <summary>
/// axe-core on every page a parent or student sees and on the staff pages of the conversation cycle, in Dutch
/// and in Arabic (right to left). The rule set: every rule tagged WCAG 2.0 and 2.1 level A and AA, plus the
/// best-practice rules <c>region</c> (all content inside a landmark) and <c>heading-order</c>. No rule is
/// turned off; a page passes with zero violations, and when it does not scroll sideways on a 360 px wide phone.
/// With DRIEHOEK_TEST_SCREENSHOTS set to a folder, every page is also saved there as a screenshot.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class AccessibilityTour(BrowserApp app, ITestOutputHelper output)
{
    private static readonly AxeRunOptions Rules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Rules named here run next to the tags above (axe: an explicit rule setting wins over runOnly tags).
        Rules = new Dictionary<string, RuleOptions>
        {
            ["region"] = new() { Enabled = true },
            ["heading-order"] = new() { Enabled = true },
        },
    };

    [Fact]
    public async Task Every_family_page_and_every_staff_page_of_the_cycle_has_no_axe_violations_in_Dutch_and_Arabic()
    {
        var tour = await TourWorld.CreateAsync(app);
        var started = Stopwatch.StartNew();
        var visitors = new List<(string Who, IPage Page, IReadOnlyList<string> Urls)>();
        foreach (var (who, email, urls) in tour.Visits)
        {
            var page = await app.NewPageAsync();
            if (email is not null)
            {
                await app.SignInAsync(page, email);
            }
            visitors.Add((who, page, urls));
        }
        visitors.Add(("two-factor", await tour.TwoFactorPageAsync(app), ["/account/two-factor"]));
        visitors.Add(("two-factor-on", await tour.SignedInWithTwoFactorAsync(app), ["/account/authenticator"]));

        // Each visitor walks its pages in its own tab, a few visitors at a time.
        var reports = await Task.WhenAll(visitors.Select(v => CheckAsync(v.Who, v.Page, v.Urls)));
        foreach (var (_, page, _) in visitors)
        {
            await page.Context.CloseAsync();
        }
        foreach (var report in reports)
        {
            output.WriteLine(report.Log);
        }
        output.WriteLine($"{reports.Sum(r => r.Pages)} pages checked in {started.Elapsed.TotalSeconds:0} s");

        var failures = string.Concat(reports.Select(r => r.Failures));
        Assert.True(failures.Length == 0, "axe found violations:\n" + failures);
    }

    /// <summary>The elements that stick out past the right (or, right to left, the left) edge of the screen.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('main *, header *, footer *')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1; })
            .filter(e => ![...e.children].some(c => { const r = c.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1; }))
            .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(', ')
        """);

    private static readonly SemaphoreSlim Tabs = new(3);

    private static async Task<(string Log, string Failures, int Pages)> CheckAsync(string who, IPage page, IReadOnlyList<string> urls)
    {
        await Tabs.WaitAsync();
        try
        {
            var log = new StringBuilder();
            var failures = new StringBuilder();
            // A narrow phone: what most parents read this on.
            await page.SetViewportSizeAsync(360, 780);
            foreach (var language in new[] { "nl", "ar" })
            {
                foreach (var url in urls)
                {
                    await page.GotoAsync(url + (url.Contains('?') ? "&" : "?") + "lang=" + language);
                    var result = await page.RunAxe(Rules);
                    var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                    log.AppendLine($"{result.Violations.Length} violations  {language} {who,-10} {url}{(width > 360 ? $"  (page {width} px wide: {await WidestAsync(page)})" : "")}");
                    if (width > 360)
                    {
                        failures.AppendLine($"{language} {who} {url}: the page scrolls sideways on a 360 px phone ({width} px)");
                    }
                    foreach (var violation in result.Violations)
                    {
                        foreach (var node in violation.Nodes)
                        {
                            failures.AppendLine($"{language} {who} {url}: {violation.Id} at {string.Join(" ", node.Target)}: {violation.Help}");
                        }
                    }
                    if (Environment.GetEnvironmentVariable("DRIEHOEK_TEST_SCREENSHOTS") is { Length: > 0 } folder)
                    {
                        var name = $"{who}-{language}-{urls.ToList().IndexOf(url):00}-{string.Join('-', url.Split('?')[0].Split('/').Where(p => p.Length is > 0 and < 30))}.png";
                        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
                    }
                }
            }
            return (log.ToString(), failures.ToString(), urls.Count * 2);
        }
        finally
        {
            Tabs.Release();
        }
    }

    /// <summary>One school with a published round and a booking, and one in request mode with a published timetable.</summary>
    private sealed record TourWorld(IReadOnlyList<(string Who, string? Email, IReadOnlyList<string> Urls)> Visits, Person TwoFactorUser)
    {
        public static async Task<TourWorld> CreateAsync(TestApp app)
        {
            var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
            var round = s.Round.Id;
            var slots = await s.School.SlotsAsync(s.Round, s.Teacher, 6);
            var limited = await s.School.GuardianAsync([s.Child], authority: false);
            var invited = await s.School.GuardianAsync([s.Child], login: false);
            string sendRun;
            using (var leader = await app.SignInAsync(s.Leader.Email!))
            {
                await s.PublishAsync(leader);
                sendRun = (await InvitationSends.SendAllAsync(leader, s.School.Id)).Url.AbsolutePath;
            }
            Guid booking;
            using (var parent = await app.SignInAsync(s.Parent.Email!))
            {
                booking = await parent.BookAsync(round, s.Child.Id, slots[0].Id, "Rekenen en vriendschappen");
            }
            var join = new Uri(Mailbox.Link(await Mailbox.WaitForAsync(app, invited.Email!, m => m.Body.Contains("/join/", StringComparison.Ordinal)), "/join/")).PathAndQuery;

            var evening = await Evening.CreateAsync(app);
            var pupil = await evening.School.StudentAsync(evening.Group, firstName: "Sami");
            var eveningParent = await evening.School.GuardianAsync([pupil]);
            await evening.AskAsync(app, eveningParent, english: true, topics: "Engels");
            Guid run;
            using (var leader = await app.SignInAsync(evening.Leader.Email!))
            {
                run = await evening.RunAsync(app, leader);
                await evening.PublishAsync(leader, run);
            }
            // A leader's lists of a round with more than one group open on the group picker.
            var twoGroups = await app.World.SchoolAsync();
            var (fives, sixes) = (await twoGroups.GroupAsync("Groep 5a"), await twoGroups.GroupAsync("Groep 6b", level: 6));
            await twoGroups.StudentAsync(fives, firstName: "Mees");
            await twoGroups.StudentAsync(sixes, firstName: "Lotte");
            var pickerRound = (await twoGroups.OpenRoundAsync([fives, sixes])).Id;
            var pickerLeader = await twoGroups.StaffAsync(StaffRole.SchoolLeader);
            var twoFactor = await TwoFactorUserAsync(app, s.School);
            var required = await s.School.StaffAsync(StaffRole.CareCoordinator, authenticator: false);

            var school = s.School.Id;
            var evenRound = evening.Round.Id;
            return new TourWorld(
            [
                ("anonymous", null, ["/", "/account/sign-in", join, "/join/not-a-real-token", "/error?status=404", "/no-such-page"]),
                ("parent", s.Parent.Email, [
                    "/parent", s.Invitation, s.Prepare, $"/rounds/{round}/book", $"/rounds/{round}/book/{slots[2].Id}?student={s.Child.Id}",
                    $"/bookings/{booking}", "/account", "/account/authenticator", "/account/calendar", "/language",
                    $"/rounds/{Guid.NewGuid()}/book", "/error?status=404",
                ]),
                ("limited", limited.Email, ["/parent"]),
                ("student", s.Child.Email, ["/student", s.Invitation, s.Prepare, "/account"]),
                ("evening", eveningParent.Email, ["/parent", $"/rounds/{evenRound}/request", $"/rounds/{evenRound}/timetable", $"/rounds/{evenRound}/book"]),
                ("teacher", s.Teacher.Email, [
                    "/teacher", $"/rounds/{round}/availability", s.StaffPrepare, $"/rounds/{round}/preparations", $"/rounds/{round}/overview",
                    $"/rounds/{round}/day?date=2026-11-17",
                ]),
                ("leader", s.Leader.Email, [
                    $"/school/{school}/rounds", $"/school/{school}/rounds/edit", $"/school/{school}/rounds/edit/{round}", $"/rounds/{round}",
                    $"/rounds/{round}/invitations", $"/school/{school}/invitation-texts", $"/school/{school}/invitation-texts/ThreeWay/ar",
                    $"/rounds/{round}/letters?all=true", $"/rounds/{round}/overview", $"/school/{school}/settings",
                    $"/school/{school}/invitations", $"/school/{school}/invitations?kind=Staff&q=staff", sendRun,
                    $"/rounds/{round}/move-evening?from=2026-11-17&to=2026-11-19",
                ]),
                ("leader-groups", pickerLeader.Email, [
                    $"/rounds/{pickerRound}/overview", $"/rounds/{pickerRound}/preparations", $"/rounds/{pickerRound}/letters",
                    $"/rounds/{pickerRound}/overview?group={sixes.Id}&q=lot",
                ]),
                ("required", required.Email, ["/account/authenticator"]),
                ("leader-pe", evening.Leader.Email, [$"/rounds/{evenRound}/schedule", $"/rounds/{evenRound}/schedule/{run}", $"/rounds/{evenRound}"]),
            ], twoFactor);
        }

        /// <summary>A parent with an authenticator, signed in halfway: the browser stands on the code page.</summary>
        public async Task<IPage> TwoFactorPageAsync(BrowserApp app)
        {
            var page = await app.NewPageAsync();
            await page.GotoAsync("/account/sign-in");
            await page.Locator("#Email").FillAsync(TwoFactorUser.Email!);
            await page.Locator("#Password").FillAsync(TestApp.Password);
            await page.Locator("main form button.primary").ClickAsync();
            await page.WaitForURLAsync("**/account/two-factor**");
            return page;
        }

        /// <summary>The same parent through the code page: their authenticator page then offers to turn it off.</summary>
        public async Task<IPage> SignedInWithTwoFactorAsync(BrowserApp app)
        {
            var page = await TwoFactorPageAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(TwoFactorUser.Email!))!))!;
            await page.Locator("#Code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
            await page.Locator("main form button.primary").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("two-factor", StringComparison.Ordinal));
            return page;
        }

        private static async Task<Person> TwoFactorUserAsync(TestApp app, SchoolBuilder school)
        {
            var parent = await school.GuardianAsync([await school.StudentAsync(await school.GroupAsync())]);
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(parent.Email!))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return parent;
        }
    }
}
