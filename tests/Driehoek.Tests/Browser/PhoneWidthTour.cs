using System.Diagnostics;
using System.Text;
using Deque.AxeCore.Playwright;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
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

    /// <summary>How tall a secondary family's booking page was on a 360 px phone when it listed every time of every teacher (issue 10: 11 teachers × ~30 times).</summary>
    private const int EveryTimeOfEveryTeacherHeight = 7_600;

    /// <summary>
    /// Teacher first on a phone: the secondary booking page of a child with a mentor and ten subject teachers (30 times each), in
    /// Dutch and Arabic at 360 px, before and after choosing two teachers: no sideways scrolling, no axe violations, and with two
    /// teachers chosen a fraction of the height it had; then the family books the suggested evening with the keyboard alone.
    /// </summary>
    [Fact]
    public async Task A_secondary_familys_booking_page_with_two_teachers_chosen_is_a_fraction_of_its_old_height_on_a_360_px_phone()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync("4h", level: 4);
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var teachers = new List<Person> { mentor };
        foreach (var subject in new[] { "Engels", "Wiskunde", "Nederlands", "Frans", "Duits", "Biologie", "Geschiedenis", "Aardrijkskunde", "Natuurkunde", "Scheikunde" })
        {
            teachers.Add(await school.StaffAsync(StaffRole.SubjectTeacher, group, subject));
        }
        var child = await school.StudentAsync(group, "Yara");
        var sistersGroup = await school.GroupAsync("1b", level: 1);
        var sistersMentor = await school.StaffAsync(StaffRole.Mentor, sistersGroup);
        var sister = await school.StudentAsync(sistersGroup, "Noor");
        var parent = await school.GuardianAsync([child, sister]);
        var round = await school.OpenRoundAsync([group, sistersGroup], Participants.Parents | Participants.GroupTeacherOrMentor | Participants.SubjectTeachersOnRequest,
            maxSubjectTeachers: 3);
        foreach (var teacher in teachers)
        {
            await school.SlotsAsync(round, teacher, 15, from: new TimeOnly(18, 0));
            await school.SlotsAsync(round, teacher, 15, from: new TimeOnly(18, 0), day: RoundBuilder.FirstDay.AddDays(1));
        }
        // The sister's conversation is booked already: the suggested evening is built around it.
        var sistersSlots = await school.SlotsAsync(round, sistersMentor, 4, from: new TimeOnly(19, 0), day: RoundBuilder.FirstDay.AddDays(1));
        using (var client = await app.SignInAsync(parent.Email!))
        {
            await client.BookAsync(round.Id, sister.Id, sistersSlots[1].Id);
        }
        var book = $"/rounds/{round.Id}/book";
        var two = $"{book}?t={TeacherKey.Format(child.Id, mentor.Id)}&t={TeacherKey.Format(child.Id, teachers[1].Id)}";
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(360, 780);
        await app.SignInAsync(page, parent.Email!);
        var failures = new StringBuilder();
        foreach (var language in new[] { "nl", "ar" })
        {
            foreach (var (name, url) in new[] { ("choose", book), ("two-teachers", two) })
            {
                await page.GotoAsync(url + (url.Contains('?') ? "&" : "?") + "lang=" + language);
                var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
                output.WriteLine($"{language} {name}: {height} px tall");
                if (await OverflowAsync(page) is { Length: > 0 } overflow)
                {
                    failures.AppendLine($"{language} {name}: {overflow}");
                }
                foreach (var violation in (await page.RunAxe(AccessibilityTour.Rules)).Violations)
                {
                    failures.AppendLine($"{language} {name}: {violation.Id}: {violation.Help}");
                }
                if (height * 4 > EveryTimeOfEveryTeacherHeight)
                {
                    failures.AppendLine($"{language} {name}: {height} px tall, not under a quarter of {EveryTimeOfEveryTeacherHeight} px");
                }
                if (Environment.GetEnvironmentVariable("DRIEHOEK_TEST_SCREENSHOTS") is { Length: > 0 } folder)
                {
                    Directory.CreateDirectory(folder);
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"teacher-first-{language}-{name}.png"), FullPage = true });
                }
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());

        // The keyboard path: tick a second teacher, show the times, book the suggested evening.
        await page.GotoAsync(book + "?lang=nl");
        await page.Locator($"input[value='{TeacherKey.Format(child.Id, teachers[2].Id)}']").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("details form button.primary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("select[name=pick]")).ToHaveCountAsync(2);
        await page.Locator("form[method=post] button.primary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToBeVisibleAsync();
        Assert.Equal(3, await page.Locator("#booked-heading + ul li").CountAsync());
        await page.Context.CloseAsync();
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
