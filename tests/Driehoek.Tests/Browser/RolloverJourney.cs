using Driehoek.Tests.Rollover;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

/// <summary>
/// The year rollover in a real browser: one school leader of a primary and a secondary school moves both into the next
/// year through the preview and the confirmation; at the secondary school they first set the final year.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class RolloverJourney(BrowserApp app)
{
    [Fact]
    public async Task A_leader_rolls_a_primary_and_a_secondary_school_into_the_next_year()
    {
        var primary = await app.World.SchoolAsync();
        var g5 = await primary.GroupAsync("Groep 5", 5);
        var g8 = await primary.GroupAsync("Groep 8", 8);
        await primary.StudentAsync(g5, "Anna");
        await primary.StudentAsync(g8, "Dirk");
        await primary.StaffAsync(StaffRole.GroupTeacher, g5);
        var leader = await primary.StaffAsync(StaffRole.SchoolLeader);
        var secondary = await app.World.SchoolAsync(SchoolKind.Secondary, primary.BoardId);
        var c3 = await secondary.GroupAsync("3H", 3);
        var c4 = await secondary.GroupAsync("4M", 4);
        await secondary.StudentAsync(c3, "Ilse");
        await secondary.StudentAsync(c4, "Mo");
        // The same person leads both schools.
        await app.WithDbAsync(async db =>
        {
            var member = new StaffMember
            {
                SchoolId = secondary.Id, ExternalId = "LEID", FirstName = "Lea", LastName = "Leider", UserId = leader.UserId, Email = leader.Email,
            };
            db.StaffMembers.Add(member);
            db.StaffAssignments.Add(new StaffAssignment { SchoolId = secondary.Id, StaffMemberId = member.Id, Role = StaffRole.SchoolLeader });
            await db.SaveChangesAsync();
        });

        app.Clock.Set(RolloverWorld.June);
        try
        {
            var page = await app.NewPageAsync();
            await app.SignInAsync(page, leader.Email!);
            await page.GotoAsync($"/school/{primary.Id}");
            await page.Locator($"main a[href='/school/{primary.Id}/rollover']").ClickAsync();
            await Assertions.Expect(page.Locator($"#carried li[data-group='{g5.Id}'] .new-name")).ToHaveTextAsync("Groep 6");
            await Assertions.Expect(page.Locator("#leavers li")).ToHaveCountAsync(1);
            await page.Locator("#sure").CheckAsync();
            await page.Locator("#confirm-button").ClickAsync();
            await Assertions.Expect(page.Locator(".notice[role=status]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#state")).ToHaveAttributeAsync("data-state", "Done");
            await Assertions.Expect(page.Locator("#last dd.leavers")).ToHaveTextAsync("1");

            // Secondary: the highest class present (4M) would leave; this school's final year is 6.
            await page.GotoAsync($"/school/{secondary.Id}/rollover");
            await Assertions.Expect(page.Locator($"#plan li[data-group='{c4.Id}']")).ToHaveAttributeAsync("data-leaves", "true");
            await page.Locator("#finalLevel").FillAsync("6");
            await page.Locator("#final-level button").ClickAsync();
            await Assertions.Expect(page.Locator($"#carried li[data-group='{c4.Id}'] .new-name")).ToHaveTextAsync("5M");
            await Assertions.Expect(page.Locator($"#carried li[data-group='{c3.Id}'] .new-name")).ToHaveTextAsync("4H");
            await page.Locator("#sure").CheckAsync();
            await page.Locator("#confirm-button").ClickAsync();
            await Assertions.Expect(page.Locator("#state")).ToHaveAttributeAsync("data-state", "Done");
            await Assertions.Expect(page.Locator("#last dd.students")).ToHaveTextAsync("2");
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
        var next = await RolloverWorld.NextYearAsync(app, secondary.Id);
        Assert.Equal(["4H", "5M"], next.Keys.Order(StringComparer.Ordinal));
    }
}
