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
    internal static readonly AxeRunOptions Rules = new()
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
}
