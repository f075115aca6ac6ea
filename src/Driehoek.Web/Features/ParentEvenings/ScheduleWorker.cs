using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Solving;
using Driehoek.Scheduling.Validation;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>The metrics a run stores next to its schedule.</summary>
public sealed record RunMetrics(ScheduleMetrics Schedule, int? PlacementUpperBound, double Seconds, long Iterations)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static RunMetrics? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<RunMetrics>(json);
}

public sealed class ScheduleQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public ValueTask EnqueueAsync(Guid runId, CancellationToken ct) => _channel.Writer.WriteAsync(runId, ct);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>The solver's latest progress per running run, for the progress page (kept by the instance doing the work).</summary>
public sealed class ScheduleProgress
{
    private readonly ConcurrentDictionary<Guid, SolverProgress> _latest = new();

    public void Report(Guid runId, SolverProgress progress) => _latest[runId] = progress;

    public SolverProgress? Get(Guid runId) => _latest.TryGetValue(runId, out var p) ? p : null;

    public void Clear(Guid runId) => _latest.TryRemove(runId, out _);

    /// <summary>Writes each report as it comes, on the solver's own thread (no synchronisation context to post to).</summary>
    public IProgress<SolverProgress> For(Guid runId) => new Sink(p => Report(runId, p));

    private sealed class Sink(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}

public sealed class ScheduleOptions
{
    /// <summary>Seconds the solver may search (the whole run stays within this plus a little).</summary>
    public int TimeBudgetSeconds { get; set; } = 10;

    /// <summary>Solver threads: few, so the web app stays responsive while a run goes on.</summary>
    public int MaxThreads { get; set; } = 1;
}

/// <summary>
/// Runs the scheduler one run at a time in the background. While the solver works the run's row is
/// polled, so a cancel pressed on any app instance stops it. If the process dies, the run is marked failed
/// at the next start.
/// </summary>
public sealed class ScheduleWorker(
    IServiceScopeFactory scopes, ScheduleQueue queue, ScheduleProgress progress, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ScheduleOptions> options, ILogger<ScheduleWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var runId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(runId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The app is stopping: say so, or the round would wait for a run that no longer runs.
                await FinishAsync(runId, ScheduleRunStatus.Failed, null, null, "Schedule.Interrupted", CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Schedule run {RunId} failed", runId);
                await FinishAsync(runId, ScheduleRunStatus.Failed, null, null, ex is InstanceException ? ex.Message : "Schedule.RunFailed", CancellationToken.None);
            }
            finally
            {
                progress.Clear(runId);
            }
        }
    }

    private async Task RunAsync(Guid runId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var started = await db.ScheduleRuns.Where(r => r.Id == runId && r.Status == ScheduleRunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScheduleRunStatus.Running).SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.Version, Guid.NewGuid()), ct);
        if (started != 1)
        {
            return;
        }
        var run = await db.ScheduleRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == run.RoundId, ct);
        var instance = InstanceJson.Parse(run.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var solverOptions = new SolverOptions
        {
            TimeBudget = TimeSpan.FromSeconds(run.TimeBudgetSeconds), Seed = run.Seed,
            MaxThreads = Math.Max(1, options.Value.MaxThreads), Progress = progress.For(runId),
        };
        var solving = Task.Run(() => Solver.Solve(instance, solverOptions, stop.Token), CancellationToken.None);
        while (!solving.IsCompleted)
        {
            await Task.WhenAny(solving, Task.Delay(TimeSpan.FromMilliseconds(300), ct));
            if (!solving.IsCompleted && await db.ScheduleRuns.AnyAsync(r => r.Id == runId && r.Status == ScheduleRunStatus.Cancelled, ct))
            {
                await stop.CancelAsync();
            }
        }
        if (stop.IsCancellationRequested)
        {
            // Stopped by the school leader or by shutdown: let the solver wind down and keep nothing.
            await solving.ContinueWith(t => t.Exception, TaskScheduler.Default);
            ct.ThrowIfCancellationRequested();
            return;
        }
        var result = await solving;
        var studentsTakePart = round.Participants.HasFlag(Participants.Student);
        var solution = studentsTakePart ? ScheduleRules.RepairStudentClashes(instance, result.Solution, _ => true) : result.Solution;
        var report = ScheduleRules.Check(instance, solution, studentsTakePart);
        var metrics = new RunMetrics(report.Metrics, result.Bounds.PlacementUpperBound, result.Elapsed.TotalSeconds, result.Iterations);
        await FinishAsync(runId, ScheduleRunStatus.Finished, SolutionJson.Serialize(solution), metrics.ToJson(), null, ct);
        log.LogInformation("Schedule run {RunId}: {Placed}/{Requests} placed in {Seconds:0.0} s", runId,
            report.Metrics.PlacedCount, report.Metrics.RequestCount, result.Elapsed.TotalSeconds);
    }

    /// <summary>Only a run still running is finished: one cancelled meanwhile stays cancelled.</summary>
    private async Task FinishAsync(Guid runId, ScheduleRunStatus status, string? solution, string? metrics, string? failure, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var text = failure is { Length: > 4000 } ? failure[..4000] : failure;
        await db.ScheduleRuns.Where(r => r.Id == runId && (r.Status == ScheduleRunStatus.Running || r.Status == ScheduleRunStatus.Queued))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Solution, solution)
                .SetProperty(r => r.Metrics, metrics).SetProperty(r => r.Failure, text).SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.RunningKey, (string?)null).SetProperty(r => r.Version, Guid.NewGuid()), ct);
    }

    /// <summary>A run still queued or running at start-up, begun long ago, was cut off by a restart.</summary>
    private async Task MarkInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMinutes(-15);
        await db.ScheduleRuns
            .Where(r => (r.Status == ScheduleRunStatus.Queued || r.Status == ScheduleRunStatus.Running) && r.CreatedAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScheduleRunStatus.Failed).SetProperty(r => r.Failure, "Schedule.Interrupted")
                .SetProperty(r => r.RunningKey, (string?)null), ct);
    }
}
