using System.Net;
using Driehoek.Web.Features.Grades;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Tests.Tasks;

public abstract class GradeImportTests(TestApp app)
{
    [Fact]
    public async Task A_low_grade_makes_a_task_for_that_subjects_teacher_the_mentor_is_informed_and_a_reimport_makes_none()
    {
        var w = await GradeWorld.CreateAsync(app);
        using var leader = await app.SignInAsync(w.Leader.Email!);
        // Decimal comma and point, the subject in another case than the roster's, a grade in words.
        var csv = w.Csv((0, "wi", "P1", "3,8"), (0, "ne", "P1", "7,5"), (1, "wi", "P1", "6,2"), (1, "NE", "P1", "3.9"), (2, "wi", "P1", "V"));

        var preview = await leader.PreviewGradesAsync(w.School.Id, csv);
        Assert.Empty(preview.Errors);
        Assert.Contains("Cijfers onder 4", preview.Find("#changes")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ReportGrade>().CountAsync(g => g.SchoolId == w.School.Id)));

        var done = await leader.CommitGradesAsync(preview);
        Assert.Contains("2 nieuwe taken", done.Find("#tasks-created")!.TextContent);
        Assert.Equal(4, await app.WithDbAsync(db => db.Set<ReportGrade>().CountAsync(g => g.SchoolId == w.School.Id)));
        var tasks = await w.TasksAsync(app);
        Assert.All(tasks, t => Assert.Equal(TaskKind.LowGrade, t.Kind));
        var maths = Assert.Single(tasks, t => t.StudentId == w.Students[0].Id);
        Assert.Equal((w.Maths.Id, (Guid?)w.Mentor.Id, "wi", "3,8"), (maths.OwnerId, maths.InformedId, maths.Subject, maths.Detail));
        var dutch = Assert.Single(tasks, t => t.StudentId == w.Students[1].Id);
        Assert.Equal((w.Dutch.Id, (Guid?)w.Mentor.Id, "ne", "3,9"), (dutch.OwnerId, dutch.InformedId, dutch.Subject, dutch.Detail));
        Assert.Equal(1, await app.OutboxCountAsync(w.Maths.Email!, "Nieuwe taak"));
        Assert.Equal(1, await app.OutboxCountAsync(w.Mentor.Email!, "Ter informatie"));

        using (var teacher = await app.SignInAsync(w.Maths.Email!))
        {
            var list = await teacher.GetAsync("/tasks");
            Assert.Contains(w.Students[0].Name, list.Find("#later")!.TextContent);
            Assert.DoesNotContain(w.Students[1].Name, list.Text);
        }
        using (var mentor = await app.SignInAsync(w.Mentor.Email!))
        {
            var informed = (await mentor.GetAsync("/tasks")).Find("#informed")!.TextContent;
            Assert.Contains(w.Students[0].Name, informed);
            Assert.Contains(w.Students[1].Name, informed);
        }

        var again = await leader.PreviewGradesAsync(w.School.Id, csv);
        Assert.Contains("Ongewijzigd4", again.Find("#changes")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        var second = await leader.CommitGradesAsync(again);
        Assert.Contains("0 nieuwe taken", second.Find("#tasks-created")!.TextContent);
        Assert.Equal(2, (await w.TasksAsync(app)).Count);
        Assert.Equal(1, await app.OutboxCountAsync(w.Maths.Email!, "Nieuwe taak"));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_changes_nothing_and_names_each_line()
    {
        var w = await GradeWorld.CreateAsync(app);
        using var leader = await app.SignInAsync(w.Leader.Email!);
        var csv = w.Csv((0, "wi", "P1", "3,8"), (1, "wi", "P1", "11"), (0, "wi", "P1", "5")) + "999999;Onbekend;H3;wi;P1;6\n";

        var preview = await leader.PreviewGradesAsync(w.School.Id, csv);

        var rows = preview.FindAll(".error-summary tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.StartsWith('3') && r.Contains("\"11\"", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('4') && r.Contains("regel 2", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith('5') && r.Contains("999999", StringComparison.Ordinal));
        Assert.Null(preview.Find("main form:not([enctype]) button.primary"));
        var importId = await app.WithDbAsync(db => db.Set<GradeImport>().Where(i => i.SchoolId == w.School.Id).Select(i => i.Id).SingleAsync());
        var forced = await leader.PostAsync($"/school/{w.School.Id}/grades/{importId}",
            [new("__RequestVerificationToken", await leader.TokenAsync($"/school/{w.School.Id}/grades"))]);
        Assert.NotEmpty(forced.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ReportGrade>().CountAsync(g => g.SchoolId == w.School.Id)));
        Assert.Empty(await w.TasksAsync(app));
    }

    [Theory]
    [InlineData("", "leeg")]
    [InlineData("Naam;Adres\nPiet;Dorpsstraat 1\n", "Leerlingnummer")]
    [InlineData("Stamnr;Vak;Cijfer\n1;wi;6\n", "Periode")]
    [InlineData("Leerlingnummer;Vak;Periode;Resultaat\n", "geen gegevens")]
    public async Task A_broken_file_gets_a_clear_message(string content, string expected)
    {
        var w = await GradeWorld.CreateAsync(app, students: 1);
        using var leader = await app.SignInAsync(w.Leader.Email!);

        var page = await leader.PreviewGradesAsync(w.School.Id, content);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_notable_fall_since_the_previous_period_makes_a_task_for_the_mentor_and_a_small_change_none()
    {
        var w = await GradeWorld.CreateAsync(app, students: 2);
        using var leader = await app.SignInAsync(w.Leader.Email!);
        await leader.CommitGradesAsync(await leader.PreviewGradesAsync(w.School.Id, w.Csv((0, "wi", "P1", "8"), (0, "ne", "P1", "8"), (1, "wi", "P1", "6"), (1, "ne", "P1", "6"))));

        await leader.CommitGradesAsync(await leader.PreviewGradesAsync(w.School.Id,
            w.Csv((0, "wi", "P2", "6"), (0, "ne", "P2", "6,2"), (1, "wi", "P2", "6,5"), (1, "ne", "P2", "6,5"))));

        var task = Assert.Single(await w.TasksAsync(app));
        Assert.Equal((TaskKind.GradesFell, w.Mentor.Id, (Guid?)w.Students[0].Id, "P2", "8 → 6,1"), (task.Kind, task.OwnerId, task.StudentId, task.Period, task.Detail));
    }

    [Fact]
    public async Task Another_school_and_staff_who_do_not_manage_the_school_cannot_open_or_commit_an_import()
    {
        var w = await GradeWorld.CreateAsync(app, students: 1);
        using var leader = await app.SignInAsync(w.Leader.Email!);
        var preview = await leader.PreviewGradesAsync(w.School.Id, w.Csv((0, "wi", "P1", "3")));
        var importId = await app.WithDbAsync(db => db.Set<GradeImport>().Where(i => i.SchoolId == w.School.Id).Select(i => i.Id).SingleAsync());
        var other = await app.World.SchoolAsync(SchoolKind.Secondary);
        var otherLeader = await other.StaffAsync(StaffRole.SchoolLeader);

        foreach (var email in new[] { otherLeader.Email!, w.Mentor.Email!, w.Coordinator.Email! })
        {
            using var client = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{w.School.Id}/grades"));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{w.School.Id}/grades/{importId}"));
            var token = await client.TokenAsync("/account");
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/school/{w.School.Id}/grades/{importId}", [new("__RequestVerificationToken", token)])).Status);
        }
        // The other school's own address with this import does not find it either.
        using (var client = await app.SignInAsync(otherLeader.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{other.Id}/grades/{importId}"));
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ReportGrade>().CountAsync(g => g.SchoolId == w.School.Id)));
        Assert.NotNull(preview.Find("main form:not([enctype]) button.primary"));
    }

    [Fact]
    public async Task A_subject_teacher_sees_a_students_tasks_of_their_own_subject_only_and_another_groups_teacher_none()
    {
        var w = await GradeWorld.CreateAsync(app, students: 1);
        using (var leader = await app.SignInAsync(w.Leader.Email!))
        {
            await leader.CommitGradesAsync(await leader.PreviewGradesAsync(w.School.Id, w.Csv((0, "wi", "P1", "3,2"))));
        }
        var otherGroup = await w.School.GroupAsync("H3b", level: 3);
        var otherTeacher = await w.School.StaffAsync(StaffRole.SubjectTeacher, otherGroup, subject: "wi");
        var url = $"/students/{w.Students[0].Id}/tasks";

        using (var maths = await app.SignInAsync(w.Maths.Email!))
        {
            Assert.Contains("3,2", (await maths.GetAsync(url)).Main);
        }
        using (var dutch = await app.SignInAsync(w.Dutch.Email!))
        {
            var page = await dutch.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("3,2", page.Main);
        }
        using (var mentor = await app.SignInAsync(w.Mentor.Email!))
        {
            Assert.Contains("3,2", (await mentor.GetAsync(url)).Main);
        }
        using (var other = await app.SignInAsync(otherTeacher.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync(url));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GradeImportTests_Sqlite(SqliteApp app) : GradeImportTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class GradeImportTests_Postgres(PostgresApp app) : GradeImportTests(app);
