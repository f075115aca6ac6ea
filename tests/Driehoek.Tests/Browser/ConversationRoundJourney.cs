using System.Text.RegularExpressions;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

/// <summary>
/// A whole round in a real browser, for a parent reading Dutch and one reading Arabic: invitation →
/// preparation (parent and student) → booking with topics → calendar file → reminder → the teacher
/// reads the preparation and records the conversation as held.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed partial class ConversationRoundJourney(BrowserApp app)
{
    private static readonly DateTimeOffset DayBefore = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DuringTheConversation = new(2026, 11, 17, 18, 5, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("nl", "nl-NL", "ltr", "Herinnering", "Gevoerd")]
    [InlineData("ar", "ar", "rtl", "تذكير", "تمت")]
    public async Task Parent_student_and_teacher_go_through_a_whole_round(string language, string locale, string dir, string reminder, string held)
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var child = await school.StudentAsync(group, firstName: "Yara", login: true);
        var parent = await school.GuardianAsync([child], language: language);
        var round = await school.OpenRoundAsync([group], Participants.Parents | Participants.Student | Participants.GroupTeacherOrMentor,
            status: RoundStatus.Draft);
        await school.SlotsAsync(round, teacher, 6);

        await PublishAsync(leader, round);
        var invitationLink = await InvitationLinkAsync(parent, language);

        var family = await app.NewPageAsync(locale);
        await app.SignInAsync(family, parent.Email!);
        await family.GotoAsync(invitationLink);
        await Assertions.Expect(family.Locator("html")).ToHaveAttributeAsync("dir", dir);
        await PrepareAsync(family, "Ze leest graag; rekenen gaat moeizaam.");
        await BookWithTopicsAsync(family, invitationLink);
        await ExpectCalendarFileAsync(family);
        await family.Context.CloseAsync();

        await StudentPreparesAsync(child);
        await ExpectReminderAsync(parent, reminder);
        await TeacherRecordsTheConversationAsync(teacher, round, child);
        await ParentSeesItWasHeldAsync(parent, locale, held);
    }

    private async Task PublishAsync(Person leader, ConversationRound round)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, leader.Email!);
        await page.GotoAsync($"/rounds/{round.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task<string> InvitationLinkAsync(Person parent, string language)
    {
        var mail = await Mailbox.WaitForAsync(app, parent.Email!, m => m.Body.Contains("/invitation", StringComparison.Ordinal));
        if (language == "ar")
        {
            Assert.Matches(ArabicLetters(), mail.Body);
        }
        return new Uri(Mailbox.Link(mail, "/invitation")).PathAndQuery;
    }

    private static async Task PrepareAsync(IPage family, string answer)
    {
        await family.Locator("main a[href*='/prepare']").First.ClickAsync();
        var answers = family.Locator("textarea[name=Answers]");
        await Assertions.Expect(answers).ToHaveCountAsync(3);
        await answers.Nth(0).FillAsync(answer);
        await answers.Nth(2).FillAsync("Hoe kunnen wij thuis helpen?");
        await family.Locator("main form button.primary").ClickAsync();
        await Assertions.Expect(family.Locator(".notice[role=status]")).ToBeVisibleAsync();
    }

    private static async Task BookWithTopicsAsync(IPage family, string invitationLink)
    {
        await family.GotoAsync(invitationLink);
        await family.Locator("main a[href$='/book']").First.ClickAsync();
        await family.Locator("a.slot").First.ClickAsync();
        await family.Locator("#area-Results").CheckAsync();
        await family.Locator("#Topics").FillAsync("Rekenen, en <b>vriendschappen</b> in de klas.");
        await family.Locator("main form button.primary").ClickAsync();
        await Assertions.Expect(family.Locator(".notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(family.Locator("main")).ToContainTextAsync("<b>vriendschappen</b>");
    }

    private static async Task ExpectCalendarFileAsync(IPage family)
    {
        var download = await family.RunAndWaitForDownloadAsync(() => family.Locator("a[href$='calendar.ics']").ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261117T190000", ics);
    }

    private async Task StudentPreparesAsync(Person child)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, child.Email!);
        await page.GotoAsync("/student");
        await page.Locator("main a[href*='/prepare']").First.ClickAsync();
        await page.Locator("textarea[name=Answers]").First.FillAsync("Ik ben goed in voorlezen.");
        await page.Locator("main form button.primary").ClickAsync();
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task ExpectReminderAsync(Person parent, string reminder) =>
        await app.AtAsync(DayBefore, async () =>
        {
            await app.RunRemindersAsync();
            var mail = await Mailbox.WaitForAsync(app, parent.Email!, m => m.Subject.StartsWith(reminder, StringComparison.Ordinal));
            Assert.Contains("METHOD:REQUEST", mail.Parts.Single(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content);
        });

    private async Task TeacherRecordsTheConversationAsync(Person teacher, ConversationRound round, Person child) =>
        await app.AtAsync(DuringTheConversation, async () =>
        {
            var page = await app.NewPageAsync();
            await app.SignInAsync(page, teacher.Email!);
            await page.GotoAsync($"/rounds/{round.Id}/prepare/{child.Id}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ze leest graag");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ik ben goed in voorlezen.");
            await page.GotoAsync($"/rounds/{round.Id}/day?date=2026-11-17");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Rekenen, en <b>vriendschappen</b> in de klas.");
            await page.Locator("input[name=outcome][value=Held]").CheckAsync();
            await page.Locator("input[name=studentPresent]").CheckAsync();
            await page.Locator("form.outcome button.primary").ClickAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
            await page.GotoAsync($"/rounds/{round.Id}/overview");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(child.Name);
            await page.Context.CloseAsync();
        });

    private async Task ParentSeesItWasHeldAsync(Person parent, string locale, string held) =>
        await app.AtAsync(DuringTheConversation, async () =>
        {
            var page = await app.NewPageAsync(locale);
            await app.SignInAsync(page, parent.Email!);
            var bookingId = await app.WithDbAsync(db => db.Bookings.Where(b => b.StudentId == db.Guardianships
                .Where(g => g.GuardianId == parent.Id).Select(g => g.StudentId).First()).Select(b => b.Id).SingleAsync());
            await page.GotoAsync($"/bookings/{bookingId}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(held);
            await page.Context.CloseAsync();
        });

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetters();
}
