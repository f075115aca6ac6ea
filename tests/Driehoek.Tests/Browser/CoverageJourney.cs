using Driehoek.Web.Features.People;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

/// <summary>
/// Coverage of the cycle in a real browser: the school leader opens the school's coverage, goes into a group, finds
/// the Polish family that was not reached and logs the call that reached it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class CoverageJourney(BrowserApp app)
{
    [Fact]
    public async Task The_leader_finds_a_family_not_reached_by_language_and_follows_it_up()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        await school.StaffAsync(StaffRole.GroupTeacher, group);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var reached = await school.StudentAsync(group, firstName: "Sem");
        await school.GuardianAsync([reached], login: false);
        var child = await school.StudentAsync(group, firstName: "Zofia");
        await school.GuardianAsync([child], login: false, language: "pl");
        var round = await school.OpenRoundAsync([group]);
        await app.WithDbAsync(async db =>
        {
            var household = await db.Guardianships.Where(x => x.StudentId == reached.Id)
                .Join(db.Guardians, x => x.GuardianId, g => g.Id, (x, g) => g.HouseholdId!.Value).SingleAsync();
            db.RoundInvitations.Add(new Web.Features.Rounds.RoundInvitation
            {
                SchoolId = school.Id, RoundId = round.Id, StudentId = reached.Id, HouseholdId = household,
                CreatedAt = round.CreatedAt, EmailedAt = round.CreatedAt,
            });
            await db.SaveChangesAsync();
        });

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, leader.Email!);
        await page.GotoAsync($"/school/{school.Id}");
        await page.Locator($"main a[href='/school/{school.Id}/coverage']").ClickAsync();
        var row = page.Locator($"#groups tr[data-id='{group.Id}']");
        await Assertions.Expect(row.Locator("td.not-reached")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("td.not-booked")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#languages tbody tr", new() { HasText = "Polski" }).Locator("td.not-reached")).ToHaveTextAsync("1");

        await row.Locator("a").ClickAsync();
        var family = page.Locator($"#follow-up tr[data-student='{child.Id}']");
        await Assertions.Expect(family).ToHaveAttributeAsync("data-state", "NotReached");
        await Assertions.Expect(family.Locator("td[lang=pl]")).ToHaveTextAsync("Polski");
        await Assertions.Expect(family.Locator($"a[href='/rounds/{round.Id}/book-for?student={child.Id}']")).ToBeVisibleAsync();
        await family.Locator("button[value=Reached]").ClickAsync();

        await Assertions.Expect(page.Locator(".notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#follow-up tr[data-student='{child.Id}']")).ToHaveAttributeAsync("data-state", "NotBooked");
        await Assertions.Expect(page.Locator($"#follow-up tr[data-student='{child.Id}'] .called")).ToBeVisibleAsync();
    }
}
