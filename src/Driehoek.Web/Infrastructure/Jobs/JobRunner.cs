using System.Collections.Concurrent;

namespace Driehoek.Web.Infrastructure.Jobs;

/// <summary>
/// Runs background jobs in every app instance; each job runs in one instance at a time. A job is claimed
/// with one conditional update that sets a lease (<see cref="BackgroundJob.LockedUntil"/>) and a claim name
/// of its own (<see cref="BackgroundJob.LockedBy"/>), as the outbox does. While the handler works, a
/// heartbeat renews the lease, writes the latest progress, and stops the handler when the job was
/// cancelled or claimed by another instance. When an instance dies its lease runs out and another claims
/// the job again; after <see cref="JobKind.MaxAttempts"/> claims the job is given up.
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes, IEnumerable<JobKind> kinds, JobSignal signal, JobProgress progress, TimeProvider clock,
    IConfiguration config, ILogger<JobRunner> log) : BackgroundService
{
    private enum Outcome { Done, GivenUp, Threw, Stopped, Lost }

    /// <summary>Finished jobs are kept this long (to see what ran), then deleted.</summary>
    public static readonly TimeSpan KeepFinished = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<Guid, (JobKind Kind, Task Task)> _running = new();
    private long _claims;
    private DateTime _purgedAt = DateTime.MinValue;

    /// <summary>This instance's name in <see cref="BackgroundJob.LockedBy"/> (the claim adds a number).</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private TimeSpan Lease => TimeSpan.FromSeconds(config.GetValue("Jobs:LeaseSeconds", 60.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var active = kinds.Where(k => k.Enabled(config)).ToList();
        var poll = TimeSpan.FromSeconds(config.GetValue("Jobs:PollSeconds", 5.0));
        var recurringReady = false;
        try
        {
            while (active.Count > 0 && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    recurringReady = recurringReady || await EnsureRecurringAsync(active, stoppingToken);
                    await ClaimAsync(active, stoppingToken);
                    await PurgeAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Claiming background jobs failed");
                }
                await signal.WaitAsync(poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the running jobs see the same token and release their leases.
        }
        finally
        {
            await Task.WhenAll(_running.Values.Select(r => r.Task));
        }
    }

    /// <summary>A recurring kind has one row; the first instance to start inserts it, the unique key stops the others.</summary>
    private async Task<bool> EnsureRecurringAsync(List<JobKind> active, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var kind in active.Where(k => k.Every is not null))
        {
            if (await db.Set<BackgroundJob>().AnyAsync(j => j.Key == kind.Name, ct))
            {
                continue;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            db.Set<BackgroundJob>().Add(new BackgroundJob { Kind = kind.Name, Key = kind.Name, CreatedAt = now, RunAfter = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another instance inserted it a moment ago.
            }
            db.ChangeTracker.Clear();
        }
        return true;
    }

    /// <summary>About once an hour: deletes jobs that finished long ago. Every instance may do it; the delete is idempotent.</summary>
    private async Task PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _purgedAt < TimeSpan.FromHours(1) && _purgedAt <= now)
        {
            return;
        }
        _purgedAt = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = now - KeepFinished;
        await db.Set<BackgroundJob>()
            .Where(j => (j.State == JobState.Succeeded || j.State == JobState.Failed || j.State == JobState.Cancelled) && j.FinishedAt < before)
            .ExecuteDeleteAsync(ct);
    }

    private async Task ClaimAsync(List<JobKind> active, CancellationToken stoppingToken)
    {
        foreach (var done in _running.Where(r => r.Value.Task.IsCompleted).ToList())
        {
            _running.TryRemove(done.Key, out _);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var kind in active)
        {
            var free = kind.MaxConcurrent(config) - _running.Values.Count(r => r.Kind == kind);
            if (free <= 0)
            {
                continue;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var name = kind.Name;
            var due = await db.Set<BackgroundJob>().AsNoTracking()
                .Where(j => j.Kind == name && (j.State == JobState.Queued || j.State == JobState.Running) && j.RunAfter <= now
                            && (j.LockedUntil == null || j.LockedUntil < now))
                .OrderBy(j => j.RunAfter).Select(j => j.Id).Take(free + _running.Count).ToListAsync(stoppingToken);
            // A job this instance still runs may look free when the clock jumped past its lease; it is not claimed twice.
            foreach (var id in due.Where(id => !_running.ContainsKey(id)).Take(free))
            {
                var claim = $"{Instance}:{Interlocked.Increment(ref _claims)}";
                var until = now + Lease;
                // Of several instances claiming at once, the condition lets one of them have the job.
                var won = await db.Set<BackgroundJob>()
                    .Where(j => j.Id == id && (j.State == JobState.Queued || j.State == JobState.Running)
                                && (j.LockedUntil == null || j.LockedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.LockedBy, claim)
                        .SetProperty(j => j.LockedUntil, until).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                        .SetProperty(j => j.StartedAt, now), stoppingToken);
                if (won == 1)
                {
                    var job = await db.Set<BackgroundJob>().AsNoTracking().SingleAsync(j => j.Id == id, stoppingToken);
                    _running[id] = (kind, Task.Run(() => RunAsync(kind, job, claim, stoppingToken), CancellationToken.None));
                }
            }
        }
    }

    private async Task RunAsync(JobKind kind, BackgroundJob job, string claim, CancellationToken stopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var beating = new CancellationTokenSource();
        var context = new JobContext(job, p => progress.Report(job.Id, p));
        var outcome = Outcome.Lost;
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(kind.Handler);
            if (job.Attempts > kind.MaxAttempts)
            {
                log.LogWarning("Job {Kind} {JobId} given up after {Attempts} claims", kind.Name, job.Id, job.Attempts - 1);
                await handler.GiveUpAsync(context, stopping);
                outcome = Outcome.GivenUp;
            }
            else
            {
                log.LogInformation("Job {Kind} {JobId} started by {Claim} (attempt {Attempt})", kind.Name, job.Id, claim, job.Attempts);
                var heartbeat = HeartbeatAsync(job.Id, claim, stop, beating.Token);
                try
                {
                    await handler.RunAsync(context, stop.Token);
                    outcome = Outcome.Done;
                }
                finally
                {
                    await beating.CancelAsync();
                    await heartbeat;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            outcome = stopping.IsCancellationRequested ? Outcome.Stopped : Outcome.Lost;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Job {Kind} {JobId} failed", kind.Name, job.Id);
            (outcome, error) = (Outcome.Threw, ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message);
        }
        try
        {
            await FinishAsync(kind, job, claim, outcome, error);
        }
        catch (Exception ex)
        {
            // The lease runs out and the job is claimed again.
            log.LogError(ex, "Job {Kind} {JobId} could not be marked {Outcome}", kind.Name, job.Id, outcome);
        }
        finally
        {
            progress.Clear(job.Id);
            signal.Poke();
        }
    }

    /// <summary>
    /// Renews the lease at half-time and writes new progress (on PostgreSQL, where other instances read it;
    /// on SQLite the one instance shows it from memory, and a write would wait behind a long transaction).
    /// Otherwise only reads: is the job still this claim's and running? If not, the handler stops.
    /// </summary>
    private async Task HeartbeatAsync(Guid id, string claim, CancellationTokenSource handler, CancellationToken ct)
    {
        var every = TimeSpan.FromSeconds(config.GetValue("Jobs:HeartbeatSeconds", 1.0));
        var renewAt = clock.GetUtcNow().UtcDateTime + Lease / 2;
        string? written = null;
        while (true)
        {
            try
            {
                await Task.Delay(every, ct);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var mine = db.Set<BackgroundJob>().Where(j => j.Id == id && j.LockedBy == claim && j.State == JobState.Running);
                var now = clock.GetUtcNow().UtcDateTime;
                var latest = progress.Get(id);
                bool still;
                if (now >= renewAt || (latest != written && !db.Database.IsSqlite()))
                {
                    var until = now + Lease;
                    still = await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, until).SetProperty(j => j.Progress, latest), ct) == 1;
                    (renewAt, written) = (now + Lease / 2, latest);
                }
                else
                {
                    still = await mine.AnyAsync(ct);
                }
                if (!still)
                {
                    log.LogInformation("Job {JobId} was cancelled or claimed by another instance; {Claim} stops", id, claim);
                    await handler.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Heartbeat of job {JobId} failed", id);
            }
        }
    }

    private async Task FinishAsync(JobKind kind, BackgroundJob job, string claim, Outcome outcome, string? error)
    {
        if (outcome == Outcome.Lost)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = db.Set<BackgroundJob>().Where(j => j.Id == job.Id && j.LockedBy == claim && j.State == JobState.Running);
        var now = clock.GetUtcNow().UtcDateTime;
        var final = progress.Get(job.Id);
        if (kind.Every is { } every && outcome is Outcome.Done or Outcome.Threw or Outcome.GivenUp)
        {
            // Recurring: due again one interval after this due time (or from now, when this instance fell behind).
            var next = job.RunAfter + every(config);
            next = next > now ? next : now + every(config);
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.RunAfter, next)
                .SetProperty(j => j.Attempts, 0).SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LockedUntil, (DateTime?)null)
                .SetProperty(j => j.LastError, error).SetProperty(j => j.FinishedAt, now), CancellationToken.None);
            return;
        }
        await (outcome switch
        {
            Outcome.Done or Outcome.GivenUp => mine.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, outcome == Outcome.Done ? JobState.Succeeded : JobState.Failed)
                .SetProperty(j => j.Progress, final).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LockedUntil, (DateTime?)null),
                CancellationToken.None),
            // Tried again after a back-off; once the attempts are used up, the next claim gives it up.
            Outcome.Threw => mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.RunAfter, now.AddSeconds(job.Attempts >= kind.MaxAttempts ? 0 : 30 * Math.Pow(2, job.Attempts)))
                .SetProperty(j => j.LastError, error).SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null), CancellationToken.None),
            // The app is stopping: let the job go at once (this claim does not count), for another instance or the next start.
            _ => mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LockedUntil, (DateTime?)null), CancellationToken.None),
        });
    }
}
