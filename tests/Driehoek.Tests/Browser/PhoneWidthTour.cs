using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Driehoek.Tests.Browser;

/// <summary>
/// Every page a parent, student or teacher opens, on a 360 px wide phone in Dutch and in Arabic: nothing may be
/// wider than the screen (no sideways scrolling). Quick: one browser, one signed-in tab per person, no axe.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class PhoneWidthTour(BrowserApp app, ITestOutputHelper output)
{
    private static readonly string[] Readers = ["parent", "limited", "student", "evening", "teacher"];

    [Fact]
    public async Task No_parent_student_or_teacher_page_scrolls_sideways_on_a_360_px_phone_in_Dutch_or_Arabic()
    {
        var tour = await TourWorld.CreateAsync(app);
        var started = Stopwatch.StartNew();
        var failures = new StringBuilder();
        var pages = 0;
        foreach (var (who, email, urls) in tour.Visits.Where(v => Readers.Contains(v.Who)))
        {
            var page = await app.NewPageAsync();
            await page.SetViewportSizeAsync(360, 780);
            await app.SignInAsync(page, email!);
            foreach (var language in new[] { "nl", "ar" })
            {
                foreach (var url in urls)
                {
                    await page.GotoAsync(url + (url.Contains('?') ? "&" : "?") + "lang=" + language);
                    pages++;
                    if (await OverflowAsync(page) is { Length: > 0 } overflow)
                    {
                        failures.AppendLine($"{language} {who} {url}: {overflow}");
                    }
                    if (who != "teacher" && await BackwardArrowAsync(page) is { Length: > 0 } arrow)
                    {
                        failures.AppendLine($"{language} {who} {url}: {arrow}");
                    }
                }
            }
            await page.Context.CloseAsync();
        }
        output.WriteLine($"{pages} pages measured in {started.Elapsed.TotalSeconds:0} s");
        Assert.True(failures.Length == 0, "Pages wider than a 360 px screen, or with an arrow pointing back the wrong way:\n" + failures);
    }

    /// <summary>A back arrow must point the way the page reads: ← in Dutch, → in Arabic (right to left).</summary>
    private static Task<string> BackwardArrowAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const rtl = document.documentElement.dir === 'rtl', wrong = rtl ? '←' : '→';
            const bad = [...document.querySelectorAll('main a')].filter(a =>
                a.textContent.includes(wrong) || getComputedStyle(a, '::before').content.includes(wrong));
            return bad.length === 0 ? '' : 'arrow ' + wrong + ' on ' + bad.map(a => a.getAttribute('href')).join(', ');
        }
        """);

    /// <summary>Empty when the page fits; otherwise its width and the innermost elements that stick out past either edge.</summary>
    private static Task<string> OverflowAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const width = document.scrollingElement.scrollWidth, screen = window.innerWidth;
            if (width <= screen) return '';
            const out = e => { const r = e.getBoundingClientRect(); return r.right > screen + 1 || r.left < -1; };
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '');
            const path = e => { const parts = []; for (let x = e; x && x !== document.body && parts.length < 4; x = x.parentElement) parts.unshift(name(x)); return parts.join(' > '); };
            const culprits = [...document.body.querySelectorAll('*')].filter(out).filter(e => ![...e.children].some(out));
            return `page is ${width} px wide on a ${screen} px screen; sticking out: ` + culprits.slice(0, 4).map(e => `${path(e)} (${Math.round(e.getBoundingClientRect().width)} px)`).join('; ');
        }
        """);
}
