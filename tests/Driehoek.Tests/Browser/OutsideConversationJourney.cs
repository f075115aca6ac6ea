using Driehoek.Web.Features.People;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

/// <summary>
/// A conversation outside the rounds in a real browser: the care coordinator plans a level-2 conversation with
/// the mentor and a youth doctor, and the Arabic-reading parent accepts a time on a 360 px phone.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class OutsideConversationJourney(BrowserApp app)
{
    [Fact]
    public async Task Care_coordinator_plans_and_the_Arabic_parent_accepts_on_a_phone()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var care = await school.StaffAsync(StaffRole.CareCoordinator);
        var child = await school.StudentAsync(group, firstName: "Yara");
        var parent = await school.GuardianAsync([child], language: "ar");

        var staff = await app.NewPageAsync();
        await app.SignInAsync(staff, care.Email!);
        await staff.GotoAsync($"/students/{child.Id}");
        await staff.Locator($"main a[href='/students/{child.Id}/conversations']").ClickAsync();
        await staff.Locator("#Purpose").FillAsync("Samen kijken hoe we Yara het best helpen met lezen.");
        await staff.Locator("#StaffNote").FillAsync("Alleen voor collega's: dossier 2024-17");
        await staff.Locator("#level-2").CheckAsync();
        await staff.Locator("#StaffIds").SelectOptionAsync(mentor.Id.ToString());
        await staff.Locator("#Externals_0_Name").FillAsync("J. de Vries");
        await staff.Locator("#Externals_0_Organisation").FillAsync("GGD");
        await staff.Locator("#Externals_0_Role").FillAsync("jeugdarts");
        await staff.Locator("#Times_0_Date").FillAsync("2026-11-17");
        await staff.Locator("#Times_0_Start").FillAsync("15:00");
        await staff.Locator("#Times_0_Place").FillAsync("Kamer 12");
        await staff.Locator("#Times_1_Date").FillAsync("2026-11-19");
        await staff.Locator("#Times_1_Start").FillAsync("14:00");
        await staff.Locator("main form button.primary").ClickAsync();
        await Assertions.Expect(staff.Locator(".notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("J. de Vries (GGD, jeugdarts)");

        var mail = await Mailbox.WaitForAsync(app, parent.Email!);
        var link = new Uri(Mailbox.Link(mail, "/conversations")).PathAndQuery;

        var family = await app.NewPageAsync("ar");
        await family.SetViewportSizeAsync(360, 780);
        await app.SignInAsync(family, parent.Email!);
        await family.GotoAsync(link + "?lang=nl");
        await ShootAsync(family, "family-nl");
        await family.GotoAsync(link + "?lang=ar");
        await Assertions.Expect(family.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(family.Locator("main")).ToContainTextAsync("J. de Vries (GGD, jeugdarts)");
        await Assertions.Expect(family.Locator("main")).Not.ToContainTextAsync("dossier");
        await ShootAsync(family, "family-ar");
        Assert.True(await family.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"),
            "The family's page scrolls sideways at 360 px.");
        await family.Locator("input[name=Choice]").Nth(1).CheckAsync();
        await family.Locator("main form button.primary").First.ClickAsync();
        await Assertions.Expect(family.Locator(".notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(family.Locator("main")).ToContainTextAsync("تم اختيار الموعد");
        await ShootAsync(family, "family-ar-answered");

        await staff.GotoAsync("/conversations");
        await Assertions.Expect(staff.Locator("article.conversation[data-status=Accepted]")).ToHaveCountAsync(1);

        // Staff move the chosen time with a message; the family reads it and calls the conversation off with a reason.
        await staff.GotoAsync($"/students/{child.Id}/conversations");
        var change = staff.Locator("details.change").First;
        await change.Locator("summary").ClickAsync();
        var propose = change.Locator("form[action*='handler=Propose']");
        await propose.Locator("input[name='NewTimes[0].Date']").FillAsync("2026-11-24");
        await propose.Locator("input[name='NewTimes[0].Start']").FillAsync("16:00");
        await propose.Locator("textarea[name=Message]").FillAsync("De jeugdarts kan dinsdag om 16 uur.");
        await propose.Locator("button").ClickAsync();
        await Assertions.Expect(staff.Locator(".notice[role=status]")).ToBeVisibleAsync();

        await family.GotoAsync(link + "?lang=ar");
        await Assertions.Expect(family.Locator("main")).ToContainTextAsync("De jeugdarts kan dinsdag om 16 uur.");
        await family.Locator("details.cancel summary").ClickAsync();
        await family.Locator("details.cancel textarea").FillAsync("سننتقل إلى مدينة أخرى.");
        await family.Locator("details.cancel button").ClickAsync();
        await Assertions.Expect(family.Locator("main")).ToContainTextAsync("ألغتها عائلتك");
        Assert.True(await family.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"),
            "The family's page scrolls sideways at 360 px after calling off.");
        await ShootAsync(family, "family-ar-cancelled");
        await family.Context.CloseAsync();

        await staff.GotoAsync("/conversations");
        await Assertions.Expect(staff.Locator("article.conversation[data-status=Cancelled]")).ToContainTextAsync("سننتقل إلى مدينة أخرى.");
        await staff.Context.CloseAsync();
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("DRIEHOEK_TEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"outside-{name}.png"), FullPage = true });
        }
    }
}
