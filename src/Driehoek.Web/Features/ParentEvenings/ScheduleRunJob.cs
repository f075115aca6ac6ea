using System.Text.Json;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Solving;
using Driehoek.Scheduling.Validation;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>The metrics a run stores next to its schedule.</summary>
public sealed record RunMetrics(ScheduleMetrics Schedule, int? PlacementUpperBound, double Seconds, long Iterations)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static RunMetrics? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<RunMetrics>(json);
}

public sealed class ScheduleOptions
{
    /// <summary>Seconds the solver may search (the whole run stays within this plus a little).</summary>
    public int TimeBudgetSeconds { get; set; } = 10;

    /// <summary>Solver threads: few, so the web app stays responsive while a run goes on.</summary>
    public int MaxThreads { get; set; } = 1;

    /// <summary>Runs one app instance solves at once; the others wait in the queue (or go to another instance).</summary>
    public int MaxConcurrentRuns { get; set; } = 1;
}

/// <summary>
/// Solves one scheduler run as a background job. Cancelling the run cancels its job, and the job's
/// heartbeat stops the solver on whichever instance runs it. If that instance dies, another solves the run
/// again from the start once the lease runs out; after three such attempts the run fails as interrupted.
/// </summary>
public sealed class ScheduleRunJob(AppDbContext db, TimeProvider clock, IOptions<ScheduleOptions> options, ILogger<ScheduleRunJob> log)
    : IJobHandler
{
    public const string Kind = "schedule-run";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var runId = job.SubjectId!.Value;
        try
        {
            await SolveAsync(runId, job, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Schedule run {RunId} failed", runId);
            await FinishAsync(runId, ScheduleRunStatus.Failed, null, null, ex is InstanceException ? ex.Message : "Schedule.RunFailed");
        }
    }

    public Task GiveUpAsync(JobContext job, CancellationToken ct) =>
        FinishAsync(job.SubjectId!.Value, ScheduleRunStatus.Failed, null, null, "Schedule.Interrupted");

    /// <summary>Reads the progress a run's job reports.</summary>
    public static SolverProgress? Progress(string? json) => json is null ? null : JsonSerializer.Deserialize<SolverProgress>(json);

    private async Task SolveAsync(Guid runId, JobContext job, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Queued the first time; still running when an earlier instance died during the run.
        var started = await db.ScheduleRuns.Where(r => r.Id == runId && (r.Status == ScheduleRunStatus.Queued || r.Status == ScheduleRunStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScheduleRunStatus.Running).SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.Version, Guid.NewGuid()), ct);
        if (started != 1)
        {
            return;
        }
        var run = await db.ScheduleRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == run.RoundId, ct);
        var instance = InstanceJson.Parse(run.Instance);
        var solverOptions = new SolverOptions
        {
            TimeBudget = TimeSpan.FromSeconds(run.TimeBudgetSeconds), Seed = run.Seed,
            MaxThreads = Math.Max(1, options.Value.MaxThreads), Progress = new Sink(p => job.ReportProgress(JsonSerializer.Serialize(p))),
        };
        // The solver is CPU-bound: off the request threads, stopped through the token (cancel, lost lease, shutdown).
        var result = await Task.Run(() => Solver.Solve(instance, solverOptions, ct), CancellationToken.None);
        ct.ThrowIfCancellationRequested();
        var studentsTakePart = round.Participants.HasFlag(Participants.Student);
        var solution = studentsTakePart ? ScheduleRules.RepairStudentClashes(instance, result.Solution, _ => true) : result.Solution;
        var report = ScheduleRules.Check(instance, solution, studentsTakePart);
        var metrics = new RunMetrics(report.Metrics, result.Bounds.PlacementUpperBound, result.Elapsed.TotalSeconds, result.Iterations);
        await FinishAsync(runId, ScheduleRunStatus.Finished, SolutionJson.Serialize(solution), metrics.ToJson(), null);
        log.LogInformation("Schedule run {RunId}: {Placed}/{Requests} placed in {Seconds:0.0} s", runId,
            report.Metrics.PlacedCount, report.Metrics.RequestCount, result.Elapsed.TotalSeconds);
    }

    /// <summary>Only a run still running is finished: one cancelled meanwhile stays cancelled.</summary>
    private async Task FinishAsync(Guid runId, ScheduleRunStatus status, string? solution, string? metrics, string? failure)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = failure is { Length: > 4000 } ? failure[..4000] : failure;
        await db.ScheduleRuns.Where(r => r.Id == runId && (r.Status == ScheduleRunStatus.Running || r.Status == ScheduleRunStatus.Queued))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Solution, solution)
                .SetProperty(r => r.Metrics, metrics).SetProperty(r => r.Failure, text).SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.RunningKey, (string?)null).SetProperty(r => r.Version, Guid.NewGuid()), CancellationToken.None);
    }

    /// <summary>Writes each report as it comes, on the solver's own thread (no synchronisation context to post to).</summary>
    private sealed class Sink(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}
