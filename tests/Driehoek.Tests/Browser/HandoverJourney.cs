using Driehoek.Tests.Handover;
using Microsoft.Playwright;
using static Driehoek.Tests.Handover.HandoverWorld;

namespace Driehoek.Tests.Browser;

/// <summary>
/// The handover in a real browser: this year's teacher compiles and releases it, the Polish parents read it in Polish,
/// and next year's teacher opens the start conversation with last year's agreements on it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class HandoverJourney(BrowserApp app)
{
    [Fact]
    public async Task The_teacher_releases_the_parents_read_it_in_Polish_and_the_new_teacher_starts_with_it()
    {
        var h = await app.HandoverFamilyAsync(language: "pl");
        await app.YearDataAsync(h);
        var (booking, _) = await app.StartConversationAsync(h);

        var teacher = await app.NewPageAsync();
        await app.SignInAsync(teacher, h.Teacher.Email!);
        await teacher.GotoAsync($"/students/{h.Child.Id}");
        await teacher.Locator($"main a[href='/students/{h.Child.Id}/handover']").ClickAsync();
        await teacher.Locator("main form[action*='handler=Compile'] button").ClickAsync();
        var staffNote = teacher.Locator(".handover-item", new() { HasText = StaffNote }).Locator("input[type=checkbox]");
        await Assertions.Expect(staffNote).ToBeCheckedAsync();
        await staffNote.UncheckAsync();
        await teacher.Locator("#line").FillAsync("Noor bloeit op als ze mag voorlezen.");
        await teacher.Locator("form.handover-review button[value=true]").ClickAsync();
        await Assertions.Expect(teacher.Locator(".notice[role=status]")).ToContainTextAsync("vrijgegeven");

        var parent = await app.NewPageAsync("pl-PL");
        await app.SignInAsync(parent, h.Parent.Email!);
        await parent.GotoAsync($"/children/{h.Child.Id}/handover");
        await Assertions.Expect(parent.Locator("main h3", new() { HasText = "Otwarte ustalenia" })).ToBeVisibleAsync();
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync(Agreement);
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Noor bloeit op als ze mag voorlezen.");
        await Assertions.Expect(parent.Locator("main")).Not.ToContainTextAsync(StaffNote);
        await parent.Locator("form.add-line textarea").FillAsync("Noor ma alergię na orzechy.");
        await parent.Locator("form.add-line button").ClickAsync();
        await Assertions.Expect(parent.Locator(".notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Noor ma alergię na orzechy.");

        var next = await app.NewPageAsync();
        await app.SignInAsync(next, h.NextTeacher.Email!);
        await next.GotoAsync($"/bookings/{booking}/record");
        var box = next.Locator("section.handover-box");
        await Assertions.Expect(box.Locator("h3", new() { HasText = "Open afspraken" })).ToBeVisibleAsync();
        await Assertions.Expect(box).ToContainTextAsync(Agreement);
        await Assertions.Expect(box).ToContainTextAsync("Noor ma alergię na orzechy.");
        await Assertions.Expect(box).Not.ToContainTextAsync(StaffNote);
    }
}
