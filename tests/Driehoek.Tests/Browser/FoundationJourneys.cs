using Driehoek.Web.Features.People;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class FoundationJourneys(BrowserApp app)
{
    [Fact]
    public async Task Parent_signs_in_and_sees_both_children()
    {
        var school = await app.World.SchoolAsync();
        var older = await school.StudentAsync(await school.GroupAsync(), firstName: "Mila");
        var younger = await school.StudentAsync(await school.GroupAsync(), firstName: "Sem");
        var parent = await school.GuardianAsync([older, younger]);
        var page = await app.NewPageAsync();

        await app.SignInAsync(page, parent.Email!);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn kinderen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.child")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Mila");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sem");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_signs_in_and_opens_the_group_by_keyboard()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var student = await school.StudentAsync(group, firstName: "Liv");
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var page = await app.NewPageAsync();

        await app.SignInAsync(page, teacher.Email!);
        await page.GetByRole(AriaRole.Link, new() { Name = group.Name }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = group.Name, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync(student.Name);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task School_leader_imports_a_roster()
    {
        var school = await app.World.SchoolAsync();
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var file = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, RosterFiles.Students(25, "BR", groups: 2));
        var page = await app.NewPageAsync();

        await app.SignInAsync(page, leader.Email!);
        await page.GotoAsync($"/school/{school.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Leerlingen en medewerkers importeren" }).ClickAsync();
        await page.GetByLabel("CSV-bestand").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestand controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wat er verandert" })).ToBeVisibleAsync();
        await page.GetByLabel("Ja, maak deze groepen aan", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verwerken" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("25", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar de school" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Groep 1");
        File.Delete(file);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Parent_switches_to_Arabic_and_the_page_turns_right_to_left()
    {
        var school = await app.World.SchoolAsync();
        var parent = await school.GuardianAsync([await school.StudentAsync(await school.GroupAsync())]);
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, parent.Email!);
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));

        await page.GetByLabel("Taal").SelectOptionAsync("ar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Taal kiezen" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "أطفالي" })).ToBeVisibleAsync();
        // Right-to-left for real: the header's first item (the brand) now sits at the right edge.
        var brand = await page.Locator(".brand").BoundingBoxAsync();
        Assert.True(brand!.X > 390 / 2, $"brand at x={brand.X}");
        await page.Context.CloseAsync();
    }
}
