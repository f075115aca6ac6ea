using System.Text;
using Driehoek.Tests.Tasks;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

/// <summary>
/// Report grades to tasks in a real browser: the leader imports a period's grades (preview, then process), the maths
/// and Dutch teachers each find the task for their own subject's low grade, the mentor is informed of both, and when
/// the tasks are overdue the year coordinator sees who is behind.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Lane", "Browser")]
public sealed class GradeTasksJourney(BrowserApp app)
{
    [Fact]
    public async Task A_grade_import_gives_the_right_teachers_their_tasks_and_the_year_coordinator_sees_who_is_behind()
    {
        var w = await GradeWorld.CreateAsync(app, students: 2);
        var csv = w.Csv((0, "wi", "Periode 1", "3,4"), (0, "ne", "Periode 1", "6,8"), (1, "wi", "Periode 1", "7"), (1, "ne", "Periode 1", "2,9"));

        var leader = await app.NewPageAsync();
        await app.SignInAsync(leader, w.Leader.Email!);
        await leader.GotoAsync($"/school/{w.School.Id}");
        await leader.Locator($"main a[href='/school/{w.School.Id}/grades']").ClickAsync();
        await leader.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "cijfers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await leader.Locator("main form button.primary").ClickAsync();
        await Assertions.Expect(leader.Locator("#changes")).ToContainTextAsync("Cijfers onder 4");
        await leader.Locator("main form:not([enctype]) button.primary").ClickAsync();
        await Assertions.Expect(leader.Locator("#tasks-created")).ToContainTextAsync("2 nieuwe taken");

        foreach (var (teacher, student, other) in new[] { (w.Maths, w.Students[0], w.Students[1]), (w.Dutch, w.Students[1], w.Students[0]) })
        {
            var page = await app.NewPageAsync();
            await app.SignInAsync(page, teacher.Email!);
            await page.GotoAsync("/tasks");
            await Assertions.Expect(page.Locator("#later")).ToContainTextAsync(student.Name);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(other.Name);
            await page.Context.CloseAsync();
        }
        var mentor = await app.NewPageAsync();
        await app.SignInAsync(mentor, w.Mentor.Email!);
        await mentor.GotoAsync("/tasks");
        await Assertions.Expect(mentor.Locator("#informed")).ToContainTextAsync(w.Students[0].Name);
        await Assertions.Expect(mentor.Locator("#informed")).ToContainTextAsync(w.Students[1].Name);

        // The Dutch teacher calls the parents; the maths teacher does not, and the task goes past its date.
        var dutch = await app.NewPageAsync();
        await app.SignInAsync(dutch, w.Dutch.Email!);
        await dutch.GotoAsync("/tasks");
        await dutch.Locator("#later input[name=note]").FillAsync("Vader gebeld");
        await dutch.Locator("#later form button").ClickAsync();
        await Assertions.Expect(dutch.Locator("#done")).ToContainTextAsync("Vader gebeld");

        await app.AtAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), async () =>
        {
            await app.RunTaskRulesAsync();
            var coordinator = await app.NewPageAsync();
            await app.SignInAsync(coordinator, w.Coordinator.Email!);
            await coordinator.GotoAsync($"/school/{w.School.Id}");
            await coordinator.Locator($"main a[href='/school/{w.School.Id}/tasks']").ClickAsync();
            var behind = coordinator.Locator("#behind tbody tr").First;
            await Assertions.Expect(behind.Locator("th")).ToContainTextAsync(w.Maths.Name);
            await Assertions.Expect(behind.Locator("td").First).ToHaveTextAsync("1");
            await Assertions.Expect(coordinator.Locator("#on-time")).ToContainTextAsync("1 van 1");
        });
    }
}
