using Driehoek.Tests.ParentEvenings;
using Driehoek.Web.Features.ParentEvenings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Reminders;
using Driehoek.Web.Features.Roster;
using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Driehoek.Tests.Platform;

/// <summary>
/// Background work on two app instances that share one PostgreSQL database: each job runs once, and a job
/// whose instance dies is finished by the other. Each test starts its own instances on a database of its own.
/// </summary>
[Trait("Provider", "Postgres")]
public sealed class BackgroundJobTests
{
    private const int LeaseSeconds = 30;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Jobs:PollSeconds"] = "0.1",
        ["Jobs:LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>16 November, 11:00 in Amsterdam: the day before the test round's first evening.</summary>
    private static readonly DateTimeOffset DayBefore = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_instances_commit_each_roster_import_once()
    {
        await using var cluster = await AppInstances.CreateAsync(Settings);
        var (a, b) = Pair(await cluster.StartAsync(2));
        var imports = new List<(Guid SchoolId, AppClient Leader, Page Preview)>();
        for (var i = 0; i < 3; i++)
        {
            var school = await a.World.SchoolAsync();
            var leader = await b.SignInAsync((await school.StaffAsync(StaffRole.SchoolLeader)).Email!);
            var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File",
                RosterFiles.Utf8(RosterFiles.Students(100, $"I{i}", groups: 2)), "leerlingen.csv");
            imports.Add((school.Id, leader, preview));
        }

        await Task.WhenAll(imports.Select(x => x.Leader.SubmitAsync(x.Preview, new() { ["confirmNewGroups"] = "true" })));
        foreach (var (schoolId, leader, _) in imports)
        {
            await WaitUntilAsync(() => a.WithDbAsync(db => db.Set<RosterImport>().AnyAsync(r => r.SchoolId == schoolId && r.Status == RosterImportStatus.Committed)));
            Assert.Equal(100, await a.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == schoolId)));
            leader.Dispose();
        }

        // The runner marks a job done just after its handler's own commit.
        await WaitUntilAsync(() => a.WithDbAsync(db => db.Set<BackgroundJob>().AllAsync(j => j.Kind != RosterImportJob.Kind || j.State == JobState.Succeeded)));
        var jobs = await a.WithDbAsync(db => db.Set<BackgroundJob>().Where(j => j.Kind == RosterImportJob.Kind).ToListAsync());
        Assert.Equal(3, jobs.Count);
        Assert.All(jobs, j => Assert.Equal((JobState.Succeeded, 1), (j.State, j.Attempts)));
        Assert.Equal(3, a.Started(RosterImportJob.Kind) + b.Started(RosterImportJob.Kind));
    }

    [Fact]
    public async Task Two_instances_solve_a_scheduler_run_once()
    {
        await using var cluster = await AppInstances.CreateAsync(Settings);
        var (a, b) = Pair(await cluster.StartAsync(2));
        var e = await Evening.CreateAsync(a);
        await e.AskAsync(b, await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]), english: true);
        using var leader = await b.SignInAsync(e.Leader.Email!);

        var runId = await e.RunAsync(a, leader);

        var page = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{runId}");
        Assert.NotNull(page.Find("#metrics"));
        var job = await WaitForAsync(() => a.WithDbAsync(db => db.Set<BackgroundJob>().SingleOrDefaultAsync(j => j.SubjectId == runId && j.State != JobState.Running)));
        Assert.Equal((ScheduleRunJob.Kind, JobState.Succeeded, 1), (job.Kind, job.State, job.Attempts));
        Assert.Equal(1, a.Started(ScheduleRunJob.Kind) + b.Started(ScheduleRunJob.Kind));
        Assert.True((await EveningCheckAsync(a, runId)).IsFeasible);
    }

    [Fact]
    public async Task Two_instances_started_together_poll_for_reminders_once_per_due_time_and_send_each_once()
    {
        await using var cluster = await AppInstances.CreateAsync(new(Settings) { ["Reminders:Enabled"] = "true", ["Reminders:PollSeconds"] = "60" });
        var (a, b) = Pair(await cluster.StartAsync(2));
        // At start-up one of them inserts the recurring job and one of them runs its first pass.
        await WaitUntilAsync(() => a.WithDbAsync(db => db.Set<BackgroundJob>()
            .AnyAsync(j => j.Key == ReminderJob.Kind && j.State == JobState.Queued && j.RunAfter > TestClock.Start.UtcDateTime)));
        var f = await a.RoundFamilyAsync();
        using (var parent = await b.SignInAsync(f.Parent.Email!))
        {
            await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        }

        cluster.SetClocks(DayBefore);
        await WaitUntilAsync(() => a.WithDbAsync(db => db.Bookings.AnyAsync(x => x.RoundId == f.Round.Id && x.ReminderSentAt != null)));
        var next = DayBefore.UtcDateTime.AddMinutes(1);
        await WaitUntilAsync(() => a.WithDbAsync(db => db.Set<BackgroundJob>().AnyAsync(j => j.Kind == ReminderJob.Kind && j.State == JobState.Queued && j.RunAfter == next)));
        // Both instances keep polling at the same due time for a while: neither runs the pass again.
        await Task.Delay(1000);

        Assert.Equal(2, a.Started(ReminderJob.Kind) + b.Started(ReminderJob.Kind));
        Assert.Equal(1, await a.OutboxCountAsync(f.Parent.Email!, "Herinnering"));
        var job = await a.WithDbAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Kind == ReminderJob.Kind));
        Assert.Equal((JobState.Queued, next), (job.State, job.RunAfter));
    }

    [Fact]
    public async Task A_roster_import_whose_instance_is_killed_is_committed_by_the_other_instance()
    {
        await using var cluster = await AppInstances.CreateAsync(Settings);
        var instances = await cluster.StartAsync(2);
        var school = await instances[0].World.SchoolAsync();
        using var leader = await instances[0].SignInAsync((await school.StaffAsync(StaffRole.SchoolLeader)).Email!);
        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File",
            RosterFiles.Utf8(RosterFiles.Students(300, "K", groups: 3)), "leerlingen.csv");

        // The test holds the students table, so whichever instance claims the import stops inside its
        // transaction: the moment a long import is in when its process dies.
        await using var holder = await cluster.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockStudents = new NpgsqlCommand("LOCK TABLE \"Students\" IN EXCLUSIVE MODE", holder, hold))
        {
            await lockStudents.ExecuteNonQueryAsync();
        }
        await leader.SubmitAsync(preview, new() { ["confirmNewGroups"] = "true" });
        var job = await WaitForAsync(() => instances[0].WithDbAsync(db => db.Set<BackgroundJob>()
            .SingleOrDefaultAsync(j => j.Kind == RosterImportJob.Kind && j.State == JobState.Running)));
        var victim = instances.Single(i => job.LockedBy!.StartsWith(i.RunnerName + ":", StringComparison.Ordinal));
        var survivor = instances.Single(i => i != victim);
        await WaitUntilAsync(() => AppInstances.IsWaitingForLockAsync(victim));

        await cluster.KillAsync(victim);
        await hold.RollbackAsync();
        await Task.Delay(1000);
        var whileLeased = await survivor.WithDbAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Id == job.Id));
        Assert.Equal((JobState.Running, job.LockedBy, 1), (whileLeased.State, whileLeased.LockedBy, whileLeased.Attempts));
        Assert.Equal(0, survivor.Started(RosterImportJob.Kind));

        cluster.LetLeasesRunOut(TimeSpan.FromSeconds(LeaseSeconds));
        await WaitUntilAsync(() => survivor.WithDbAsync(db => db.Set<RosterImport>().AnyAsync(r => r.SchoolId == school.Id && r.Status == RosterImportStatus.Committed)));

        Assert.Equal(300, await survivor.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
        Assert.Equal(600, await survivor.WithDbAsync(db => db.Guardianships.CountAsync(s => s.SchoolId == school.Id)));
        var done = await WaitForAsync(() => survivor.WithDbAsync(db => db.Set<BackgroundJob>().SingleOrDefaultAsync(j => j.Id == job.Id && j.State != JobState.Running)));
        Assert.Equal((JobState.Succeeded, 2), (done.State, done.Attempts));
        Assert.StartsWith(survivor.RunnerName + ":", done.LockedBy, StringComparison.Ordinal);
        Assert.Equal(1, survivor.Started(RosterImportJob.Kind));
    }

    [Fact]
    public async Task A_job_cancelled_on_one_instance_stops_where_it_runs_and_each_instance_runs_one_at_a_time()
    {
        var gate = new WaitingJob.Gate();
        await using var cluster = await AppInstances.CreateAsync(Settings, services => services
            .AddSingleton(gate).AddJob<WaitingJob>(WaitingJob.Kind));
        var (a, b) = Pair(await cluster.StartAsync(2));
        var subjects = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<JobQueue>();
            foreach (var subject in subjects)
            {
                jobs.Enqueue(WaitingJob.Kind, subject);
            }
            await scope.ServiceProvider.GetRequiredService<Driehoek.Web.Data.AppDbContext>().SaveChangesAsync();
        }

        await WaitUntilAsync(() => Task.FromResult(gate.Running.Count == 2));
        await Task.Delay(500);
        var running = await a.WithDbAsync(db => db.Set<BackgroundJob>().Where(j => j.Kind == WaitingJob.Kind && j.State == JobState.Running).ToListAsync());
        Assert.Equal(2, gate.Running.Count);
        var onA = Assert.Single(running, j => j.LockedBy!.StartsWith(a.RunnerName + ":", StringComparison.Ordinal));
        Assert.Single(running, j => j.LockedBy!.StartsWith(b.RunnerName + ":", StringComparison.Ordinal));

        await using (var scope = b.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<JobQueue>().CancelAsync(WaitingJob.Kind, onA.SubjectId!.Value, CancellationToken.None));
        }

        await WaitUntilAsync(() => Task.FromResult(gate.Stopped.Contains(onA.SubjectId!.Value)));
        await WaitUntilAsync(() => Task.FromResult(gate.Running.Count == 3));
        Assert.Equal(JobState.Cancelled, (await a.WithDbAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Id == onA.Id))).State);
    }

    /// <summary>A job that works until it is stopped: the shape of a long run, without the wait.</summary>
    private sealed class WaitingJob(WaitingJob.Gate gate) : IJobHandler
    {
        public const string Kind = "test-waiting";

        public async Task RunAsync(JobContext job, CancellationToken ct)
        {
            gate.Running.Add(job.SubjectId!.Value);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                gate.Stopped.Add(job.SubjectId!.Value);
            }
        }

        public sealed class Gate
        {
            public System.Collections.Concurrent.ConcurrentBag<Guid> Running { get; } = [];
            public System.Collections.Concurrent.ConcurrentBag<Guid> Stopped { get; } = [];
        }
    }

    private static (AppInstances.Instance, AppInstances.Instance) Pair(IReadOnlyList<AppInstances.Instance> two) => (two[0], two[1]);

    private static Task<Driehoek.Scheduling.Checking.CheckReport> EveningCheckAsync(TestApp app, Guid runId) => Evening.CheckStoredAsync(app, runId);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 60)
    {
        for (var waited = 0; waited < seconds * 10; waited++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Not true within {seconds} seconds.");
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> find, int seconds = 60) where T : class
    {
        T? found = null;
        await WaitUntilAsync(async () => (found = await find()) is not null, seconds);
        return found!;
    }
}
