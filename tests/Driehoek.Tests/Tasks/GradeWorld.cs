using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Tests.Tasks;

/// <summary>
/// A secondary school's class H3 (level 3) with its mentor, the maths teacher ("wi") and the Dutch teacher ("NE" in
/// the roster, "ne" in the grades), the level's year coordinator, a school leader and a few students.
/// </summary>
internal sealed record GradeWorld(SchoolBuilder School, Group Group, Person Mentor, Person Maths, Person Dutch, Person Coordinator,
    Person Leader, IReadOnlyList<Person> Students, IReadOnlyList<string> Numbers)
{
    public const string Header = "Stamnr;Leerling;Klas;Vak;Periode;Cijfer";

    public static async Task<GradeWorld> CreateAsync(TestApp app, int students = 3)
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var group = await school.GroupAsync("H3", level: 3);
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var maths = await school.StaffAsync(StaffRole.SubjectTeacher, group, subject: "wi");
        var dutch = await school.StaffAsync(StaffRole.SubjectTeacher, group, subject: "NE");
        var coordinator = await school.StaffAsync(StaffRole.YearCoordinator, level: 3);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var kids = new List<Person>();
        for (var i = 0; i < students; i++)
        {
            kids.Add(await school.StudentAsync(group));
        }
        var ids = kids.Select(k => k.Id).ToList();
        var numbers = await app.WithDbAsync(db => db.Students.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ExternalId));
        return new GradeWorld(school, group, mentor, maths, dutch, coordinator, leader, kids, kids.Select(k => numbers[k.Id]).ToList());
    }

    /// <summary>A Magister-style export: one line per (student index, subject, period, grade as written).</summary>
    public string Csv(params (int Student, string Subject, string Period, string Grade)[] rows) =>
        Header + "\n" + string.Concat(rows.Select(r => $"{Numbers[r.Student]};{Students[r.Student].Name};H3;{r.Subject};{r.Period};{r.Grade}\n"));

    public Task<List<StaffTask>> TasksAsync(TestApp app) =>
        app.WithDbAsync(db => db.Set<StaffTask>().AsNoTracking().Where(t => t.SchoolId == School.Id).OrderBy(t => t.SourceKey).ToListAsync());
}

internal static class GradeImports
{
    public static Task<Page> PreviewGradesAsync(this AppClient leader, Guid schoolId, string csv, string fileName = "cijfers.csv") =>
        leader.UploadAsync($"/school/{schoolId}/grades", "File", RosterFiles.Utf8(csv), fileName);

    /// <summary>Presses Verwerken and follows the page (it refreshes itself) until the import is done.</summary>
    public static async Task<Page> CommitGradesAsync(this AppClient leader, Page preview)
    {
        var page = await leader.SubmitAsync(preview, []);
        for (var i = 0; i < 300 && page.Find("progress") is not null; i++)
        {
            await Task.Delay(100);
            page = await leader.GetAsync(page.Url.PathAndQuery);
        }
        return page;
    }

    /// <summary>One pass of the task rules at the test clock, in its own scope as the recurring job runs it.</summary>
    public static async Task<TaskRulesReport> RunTaskRulesAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunTaskRules>().HandleAsync(CancellationToken.None);
    }

    /// <summary>Makes tasks the way another feature does, through the public TaskBook.</summary>
    public static async Task<int> CreateTasksAsync(this TestApp app, params NewTask[] tasks)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaskBook>().CreateAsync(tasks, CancellationToken.None);
    }
}
