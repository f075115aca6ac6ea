using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Tests.Tasks;

public abstract class TaskTests(TestApp app)
{
    private static DateOnly Today => new(2026, 11, 10);

    private static NewTask LowGrade(GradeWorld w, int student, DateOnly due, string key = "wi/P1") =>
        new(w.School.Id, TaskKind.LowGrade, $"{w.Students[student].Id:N}/{key}", w.Maths.Id, due, w.Students[student].Id, w.Group.Id,
            w.Mentor.Id, "wi", "P1", "3,5");

    [Fact]
    public async Task The_owner_marks_a_task_done_with_a_note_and_a_stale_form_is_refused()
    {
        var w = await GradeWorld.CreateAsync(app, students: 1);
        Assert.Equal(1, await app.CreateTasksAsync(LowGrade(w, 0, Today)));
        // Asked for again (a re-import, another feature): still one.
        Assert.Equal(0, await app.CreateTasksAsync(LowGrade(w, 0, Today.AddDays(3))));
        using var maths = await app.SignInAsync(w.Maths.Email!);
        var list = await maths.GetAsync("/tasks");
        Assert.Contains(w.Students[0].Name, list.Find("#today")!.TextContent);

        var done = await maths.SubmitAsync(list, new() { ["note"] = "Moeder gebeld, <b>bijles</b> afgesproken" }, "#today form");

        Assert.Contains("gedaan", done.Find(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>bijles</b>", done.Find("#done")!.TextContent, StringComparison.Ordinal);
        var task = Assert.Single(await w.TasksAsync(app));
        Assert.Equal((TaskState.Done, "Moeder gebeld, <b>bijles</b> afgesproken", (Guid?)w.Maths.Id), (task.State, task.DoneNote, task.DoneById));
        var stale = await maths.SubmitAsync(list, new() { ["note"] = "nog eens" }, "#today form");
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(stale.Errors, e => e.Contains("al op gedaan", StringComparison.Ordinal));
        Assert.Equal("Moeder gebeld, <b>bijles</b> afgesproken", (await w.TasksAsync(app)).Single().DoneNote);
        var tooLong = await maths.SubmitAsync(list, new() { ["note"] = new string('x', 1_000_000) }, "#today form");
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
    }

    [Fact]
    public async Task A_colleague_a_parent_and_another_school_cannot_see_or_mark_someones_tasks_but_the_year_coordinator_reads_them()
    {
        var w = await GradeWorld.CreateAsync(app, students: 1);
        await app.CreateTasksAsync(LowGrade(w, 0, Today));
        var parent = await w.School.GuardianAsync([w.Students[0]]);
        var other = await app.World.SchoolAsync(SchoolKind.Secondary);
        var otherLeader = await other.StaffAsync(StaffRole.SchoolLeader);
        var task = (await w.TasksAsync(app)).Single();
        var url = $"/tasks?staff={w.Maths.Id}";

        foreach (var email in new[] { w.Mentor.Email!, w.Dutch.Email!, parent.Email!, otherLeader.Email! })
        {
            using var client = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(url));
            var forged = await client.PostAsync($"/tasks?handler=Done&staff={w.Maths.Id}", [new("__RequestVerificationToken", await client.TokenAsync("/account")),
                new("taskId", task.Id.ToString()), new("version", task.Version.ToString())]);
            Assert.Equal(HttpStatusCode.NotFound, forged.Status);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{w.School.Id}/tasks"));
        }
        Assert.Equal(TaskState.Open, (await w.TasksAsync(app)).Single().State);
        using (var coordinator = await app.SignInAsync(w.Coordinator.Email!))
        {
            Assert.Contains(w.Students[0].Name, (await coordinator.GetAsync(url)).Find("#today")!.TextContent);
            // Reading, not marking: the year coordinator supports, the owner does the work.
            Assert.Null((await coordinator.GetAsync(url)).Find("#today form"));
        }
        // A year coordinator of another level does not read this level's teachers' lists; a leader reads every list.
        var fifth = await w.School.StaffAsync(StaffRole.YearCoordinator, level: 5);
        using (var otherLevel = await app.SignInAsync(fifth.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await otherLevel.StatusAsync(url));
        }
        // Another school's staff list is not this school's leader's either.
        using var leader = await app.SignInAsync(w.Leader.Email!);
        Assert.Equal(HttpStatusCode.OK, await leader.StatusAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync($"/tasks?staff={otherLeader.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync($"/school/{other.Id}/tasks"));
    }

    [Fact]
    public async Task An_overdue_task_goes_up_to_the_year_coordinator_once_and_mail_waits_for_quiet_hours_to_end()
    {
        var w = await GradeWorld.CreateAsync(app, students: 2);
        await app.CreateTasksAsync(LowGrade(w, 0, Today), LowGrade(w, 1, Today.AddDays(30)));
        using (var maths = await app.SignInAsync(w.Maths.Email!))
        {
            await maths.SubmitAsync("/tasks", new() { ["quietStart"] = "20:00", ["quietEnd"] = "08:00" }, "form[action*=Quiet]");
        }

        // 13 November, 22:30 in Amsterdam: three days past the date (two days' grace), in both people's quiet hours.
        await app.AtAsync(new DateTimeOffset(2026, 11, 13, 21, 30, 0, TimeSpan.Zero), async () =>
        {
            await Task.WhenAll(app.RunTaskRulesAsync(), app.RunTaskRulesAsync());
            Assert.Equal(0, (await app.RunTaskRulesAsync()).Escalated);
        });

        var tasks = await w.TasksAsync(app);
        var late = Assert.Single(tasks, t => t.EscalatedAt is not null);
        Assert.Equal(((Guid?)w.Students[0].Id, (Guid?)w.Coordinator.Id), (late.StudentId, late.EscalatedToId));
        var owner = await OutboxAsync(w.Maths.Email!, "te laat");
        Assert.Equal(new DateTime(2026, 11, 14, 7, 0, 0, DateTimeKind.Utc), Assert.Single(owner).AvailableAt);
        var coordinator = await OutboxAsync(w.Coordinator.Email!, "te laat");
        Assert.Equal(new DateTime(2026, 11, 14, 6, 0, 0, DateTimeKind.Utc), Assert.Single(coordinator).AvailableAt);

        await app.AtAsync(new DateTimeOffset(2026, 11, 14, 9, 0, 0, TimeSpan.Zero), async () =>
        {
            // Signed in at the moved clock: a sign-in from before the move would have expired by then.
            using var client = await app.SignInAsync(w.Coordinator.Email!);
            var oversight = await client.GetAsync($"/school/{w.School.Id}/tasks");
            var row = oversight.FindAll("#behind tbody tr").FirstOrDefault();
            Assert.True(row is not null, $"{oversight.Status} {oversight.Url}: {oversight.Main}");
            Assert.Contains(w.Maths.Name, row!.TextContent);
            Assert.Equal("1", row.QuerySelectorAll("td")[0].TextContent);
        });
    }

    [Fact]
    public async Task The_clock_rules_make_the_mentors_window_task_once_listing_families_not_yet_reached()
    {
        var w = await GradeWorld.CreateAsync(app, students: 3);
        using (var leader = await app.SignInAsync(w.Leader.Email!))
        {
            var saved = await leader.SubmitAsync($"/school/{w.School.Id}/contact-rules", new()
            {
                ["windowOn"] = "true", ["positiveOn"] = "true", ["positiveWeeks"] = "12",
            });
            Assert.NotNull(saved.Find(".notice"));
        }
        // A family the school had contact with: a task about the student was done.
        await app.CreateTasksAsync(LowGrade(w, 0, Today.AddDays(5)));
        await app.WithDbAsync(async db =>
        {
            await db.Set<StaffTask>().Where(t => t.SchoolId == w.School.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.State, TaskState.Done).SetProperty(t => t.DoneAt, new DateTime(2026, 11, 9, 12, 0, 0, DateTimeKind.Utc)));
        });

        await Task.WhenAll(app.RunTaskRulesAsync(), app.RunTaskRulesAsync());
        await app.RunTaskRulesAsync();

        var window = Assert.Single(await w.TasksAsync(app), t => t.Kind == TaskKind.MentorWindow);
        Assert.Equal((w.Mentor.Id, new DateOnly(2027, 5, 31)), (window.OwnerId, window.DueOn));
        // 10 November is 14 weeks after 1 August: the families without positive contact since, each once.
        var positive = (await w.TasksAsync(app)).Where(t => t.Kind == TaskKind.NoPositiveContact).ToList();
        Assert.Equal(3, positive.Count);
        Assert.All(positive, t => Assert.Equal(w.Mentor.Id, t.OwnerId));
        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        var list = await mentor.GetAsync("/tasks");
        var details = list.FindAll("details").Single(d => d.TextContent.Contains("nog niet gesproken", StringComparison.Ordinal)).TextContent;
        Assert.Contains("2 gezinnen", details);
        Assert.DoesNotContain(w.Students[0].Name, details);
        Assert.Contains(w.Students[1].Name, details);
    }

    [Fact]
    public async Task A_positive_call_logged_in_the_contact_log_counts_as_contact_for_the_clock_rules()
    {
        var w = await GradeWorld.CreateAsync(app, students: 2);
        using (var leader = await app.SignInAsync(w.Leader.Email!))
        {
            await leader.SubmitAsync($"/school/{w.School.Id}/contact-rules", new() { ["windowOn"] = "true", ["positiveOn"] = "true", ["positiveWeeks"] = "12" });
        }
        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        var logged = await mentor.SubmitAsync($"/students/{w.Students[0].Id}/contacts", new() { ["Summary"] = "Gebeld: het lezen gaat veel beter." },
            "form.quick-log");
        Assert.Equal(System.Net.HttpStatusCode.OK, logged.Status);

        await app.RunTaskRulesAsync();

        var positive = (await w.TasksAsync(app)).Where(t => t.Kind == TaskKind.NoPositiveContact).ToList();
        Assert.Equal(w.Students[1].Id, Assert.Single(positive).StudentId);
        var details = (await mentor.GetAsync("/tasks")).FindAll("details")
            .Single(d => d.TextContent.Contains("nog niet gesproken", StringComparison.Ordinal)).TextContent;
        Assert.DoesNotContain(w.Students[0].Name, details);
        Assert.Contains(w.Students[1].Name, details);
    }

    [Fact]
    public async Task The_contact_rules_refuse_a_wrong_threshold_and_a_stale_form()
    {
        var w = await GradeWorld.CreateAsync(app, students: 1);
        using var leader = await app.SignInAsync(w.Leader.Email!);
        var form = await leader.GetAsync($"/school/{w.School.Id}/contact-rules");

        var wrong = await leader.SubmitAsync(form, new() { ["lowGradeBelow"] = "12", ["changeAtLeast"] = "<script>" });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal(2, wrong.Errors.Count);

        Assert.NotNull((await leader.SubmitAsync(form, new() { ["lowGradeBelow"] = "5,5" })).Find(".notice"));
        Assert.Equal(550, (await app.WithDbAsync(db => db.Set<ContactRules>().SingleAsync(r => r.SchoolId == w.School.Id))).LowGradeBelow);
        // The first save made the row; a form loaded before another save is refused.
        var loaded = await leader.GetAsync($"/school/{w.School.Id}/contact-rules");
        await leader.SubmitAsync(loaded, new() { ["lowGradeBelow"] = "5" });
        var stale = await leader.SubmitAsync(loaded, new() { ["lowGradeBelow"] = "6" });
        Assert.Contains(stale.Errors, e => e.Contains("intussen", StringComparison.Ordinal));
        Assert.Equal(500, (await app.WithDbAsync(db => db.Set<ContactRules>().SingleAsync(r => r.SchoolId == w.School.Id))).LowGradeBelow);
        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await mentor.StatusAsync($"/school/{w.School.Id}/contact-rules"));
    }

    private Task<List<Driehoek.Web.Infrastructure.Outbox.OutboxMessage>> OutboxAsync(string to, string text) =>
        app.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(to)).ToListAsync())
            .Where(m => m.Payload.Contains(text, StringComparison.Ordinal)).ToList());
}

[Collection(SqliteCollection.Name)]
public sealed class TaskTests_Sqlite(SqliteApp app) : TaskTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class TaskTests_Postgres(PostgresApp app) : TaskTests(app);
