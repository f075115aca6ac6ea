using Driehoek.Tests.Agreements;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

/// <summary>
/// What comes out of a conversation, in a real browser (issue 11): a secondary school's mentor holds a three-way
/// conversation while the student follows their guide on screen, records the round of strengths in turns and two
/// agreements; the Turkish-speaking parent confirms them in Turkish; the student sees and confirms their own; the
/// owner's reminder arrives before the check date.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class ConversationOutcomeJourney(BrowserApp app)
{
    /// <summary>Three days before the check date of 1 December (the school's default reminder), in the morning.</summary>
    /// <summary>17 November, five minutes into the 19:00 conversation (Amsterdam).</summary>
    private static readonly DateTimeOffset DuringTheConversation = new(2026, 11, 17, 18, 5, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset BeforeTheCheck = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_mentor_records_a_three_way_conversation_and_two_agreements_that_the_family_confirms_in_Turkish()
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var group = await school.GroupAsync("2B", 2);
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var child = await school.StudentAsync(group, firstName: "Elif", login: true);
        var parent = await school.GuardianAsync([child], language: "tr");
        var round = await school.OpenRoundAsync([group], Participants.Parents | Participants.Student | Participants.GroupTeacherOrMentor);
        await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Form, ConversationForm.ThreeWay)));
        var slot = (await school.SlotsAsync(round, mentor, 1))[0];
        Guid booking;
        using (var family = await app.SignInAsync(parent.Email!))
        {
            booking = await family.BookAsync(round.Id, child.Id, slot.Id);
        }

        await StudentFollowsTheGuideAsync(child, booking);
        const string studentsPart = "Elif leest elke avond twintig minuten in haar Engelse boek";
        const string parentsPart = "Moeder vraagt elke vrijdag naar de planner";
        await app.AtAsync(DuringTheConversation, async () =>
        {
            await MentorRecordsTheRoundOfStrengthsAsync(mentor, booking);
            // Held, as the mentor marks it on the day list (ConversationRoundJourney walks that part).
            await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == booking)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, Driehoek.Web.Features.Bookings.BookingStatus.Held)));
            await MentorRecordsAgreementsAsync(mentor, child, booking, ("student", studentsPart), (AgreementWorld.Guardian(parent), parentsPart));
            await ParentConfirmsInTurkishAsync(parent, child, studentsPart, parentsPart);
            await StudentSeesAndConfirmsTheirOwnAsync(child, studentsPart);
        });
        await app.AtAsync(BeforeTheCheck, async () =>
        {
            await app.RunAgreementNoticesAsync();
            // The parent owns one agreement: the reminder is theirs, in Turkish ("Hatırlatma").
            var mail = await Mailbox.WaitForAsync(app, parent.Email!, m => m.Subject.StartsWith("Hatırlatma", StringComparison.Ordinal));
            Assert.Contains("planner", mail.Body);
        });
    }

    private async Task StudentFollowsTheGuideAsync(Person child, Guid booking)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, child.Email!);
        await page.GotoAsync("/student");
        await page.Locator($"main a[href='/bookings/{booking}/guide']").ClickAsync();
        // The student's part, step by step, on the screen they bring to the table.
        await Assertions.Expect(page.Locator("main ol > li")).Not.ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task MentorRecordsTheRoundOfStrengthsAsync(Person mentor, Guid booking)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, mentor.Email!);
        await page.GotoAsync($"/bookings/{booking}");
        await page.Locator($"main a[href='/bookings/{booking}/record']").ClickAsync();
        // The first item taken in turns is the round of strengths: student, parent, teacher.
        var inTurns = page.Locator("textarea[id$='-Student']").First;
        var item = (await inTurns.GetAttributeAsync("id"))!.Replace("-Student", "", StringComparison.Ordinal);
        await inTurns.FillAsync("Ik ben goed in Engels en ik help anderen.");
        await page.Locator($"#{item}-Parent").FillAsync("Ze is thuis zelfstandig met haar huiswerk.");
        await page.Locator($"#{item}-Teacher").FillAsync("Elif stelt goede vragen in de les.");
        await page.Locator("#shared-summary").FillAsync("We spraken over lezen en plannen; twee afspraken.");
        await page.Locator("form.record button.primary").ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#{item}-Parent")).ToHaveValueAsync("Ze is thuis zelfstandig met haar huiswerk.");
        await page.Context.CloseAsync();
    }

    private async Task MentorRecordsAgreementsAsync(Person mentor, Person child, Guid booking, params (string Owner, string What)[] agreements)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, mentor.Email!);
        foreach (var (owner, what) in agreements)
        {
            await page.GotoAsync($"/students/{child.Id}/agreements?booking={booking}");
            var form = page.Locator("#new-agreement form");
            await form.Locator("#Owner").SelectOptionAsync(owner);
            await form.Locator("[name=What]").FillAsync(what);
            await form.Locator("[name=CheckOn]").FillAsync(AgreementWorld.CheckOn);
            await form.Locator("button.primary").ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(what);
        }
        await page.Context.CloseAsync();
    }

    private async Task ParentConfirmsInTurkishAsync(Person parent, Person child, params string[] agreements)
    {
        var page = await app.NewPageAsync("tr-TR");
        await app.SignInAsync(page, parent.Email!);
        await page.GotoAsync($"/children/{child.Id}/agreements");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "tr");
        foreach (var what in agreements)
        {
            var card = page.Locator("article.agreement", new() { HasText = what });
            await card.Locator("form.confirm button").ClickAsync();
            await Assertions.Expect(page.Locator("article.agreement", new() { HasText = what }).Locator("p.confirmed")).ToBeVisibleAsync();
        }
        await page.Context.CloseAsync();
    }

    private async Task StudentSeesAndConfirmsTheirOwnAsync(Person child, string own)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, child.Email!);
        await page.GotoAsync("/student");
        await page.Locator($"main a[href='/children/{child.Id}/agreements']").First.ClickAsync();
        var card = page.Locator("article.agreement", new() { HasText = own });
        await card.Locator("form.confirm button").ClickAsync();
        await Assertions.Expect(page.Locator("article.agreement", new() { HasText = own }).Locator("p.confirmed")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
