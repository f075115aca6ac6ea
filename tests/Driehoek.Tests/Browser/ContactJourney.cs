using Driehoek.Tests.Contacts;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

/// <summary>
/// The contact log in a real browser (issue 13): a student raises a concern in Ukrainian that reaches the mentor and shows
/// its status; the mentor, on a 360 px phone, sees which families they have not reached yet and logs a call in one tap.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class ContactJourney(BrowserApp app)
{
    [Fact]
    public async Task A_student_raises_a_concern_in_Ukrainian_and_the_mentor_on_a_phone_logs_a_call_and_takes_the_concern_on()
    {
        var w = await ContactWorld.CreateAsync(app);
        // A Ukrainian student: the account's language is Ukrainian.
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == w.Anna.UserId)).PreferredLanguage = "uk";
            await db.SaveChangesAsync();
        });

        var student = await app.NewPageAsync("uk-UA");
        await app.SignInAsync(student, w.Anna.Email!);
        await student.GotoAsync("/student?lang=uk");
        await student.Locator($"main a[href='/children/{w.Anna.Id}/concerns']").ClickAsync();
        await student.GetByLabel("Мене цькують").CheckAsync();
        await student.GetByLabel("Пояснення (можна залишити порожнім)").FillAsync("Старші учні забирають мій телефон.");
        await student.Locator("form.raise button[type=submit]").ClickAsync();
        await Assertions.Expect(student.Locator(".notice[role=status]")).ToBeVisibleAsync();
        var mine = student.Locator("#mine li.concern").First;
        await Assertions.Expect(mine).ToHaveAttributeAsync("data-status", "New");
        await Assertions.Expect(mine.Locator(".status")).ToHaveTextAsync("Нове");

        var mentor = await app.NewPageAsync();
        await mentor.SetViewportSizeAsync(360, 780);
        await app.SignInAsync(mentor, w.Mentor.Email!);
        await mentor.GotoAsync("/teacher");
        await mentor.Locator("main a[href='/contacts']").ClickAsync();
        await Assertions.Expect(mentor.Locator("#not-reached li")).ToHaveCountAsync(3);
        await Assertions.Expect(mentor.Locator("#concern-queue li")).ToHaveCountAsync(1);
        Assert.True(await FitsAsync(mentor), "the contacts page scrolls sideways at 360 px");

        // One tap on the family's link, one on "Vastleggen": the call is logged with its defaults.
        var started = DateTime.UtcNow;
        await mentor.Locator($"#not-reached li[data-student='{w.Bram.Id}'] a.log-call").ClickAsync();
        Assert.True(await FitsAsync(mentor), "the contact log scrolls sideways at 360 px");
        await mentor.Locator("form.quick-log button.primary").ClickAsync();
        await Assertions.Expect(mentor.Locator(".notice[role=status]")).ToBeVisibleAsync();
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "logging a call took longer than 15 seconds");
        await Assertions.Expect(mentor.Locator(".contact-log li[data-kind=Contact]")).ToHaveCountAsync(1);

        await mentor.GotoAsync("/contacts");
        await Assertions.Expect(mentor.Locator("#not-reached li")).ToHaveCountAsync(2);
        await Assertions.Expect(mentor.Locator($"#not-reached li[data-student='{w.Bram.Id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(mentor.Locator("#counts .positive strong")).ToHaveTextAsync("1");

        // The mentor opens the concern and takes it on; the student sees that it is being handled.
        await mentor.Locator("#concern-queue li a").ClickAsync();
        Assert.True(await FitsAsync(mentor), "the concerns page scrolls sideways at 360 px");
        await Assertions.Expect(mentor.Locator("li.concern")).ToContainTextAsync("Старші учні забирають мій телефон.");
        await mentor.Locator("li.concern button[formaction]").ClickAsync();
        await Assertions.Expect(mentor.Locator("li.concern")).ToHaveAttributeAsync("data-status", "BeingHandled");

        await student.ReloadAsync();
        await Assertions.Expect(student.Locator("#mine li.concern .status").First).ToHaveTextAsync("Розглядається");
        Assert.True(await FitsAsync(student), "the family's concerns page scrolls sideways");
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");
}
