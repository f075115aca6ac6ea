using System.Collections.Concurrent;

namespace Driehoek.Web.Infrastructure.Jobs;

/// <summary>Work of one kind, done by a handler that a feature registers with <see cref="JobsSetup.AddJob{THandler}"/>.</summary>
public interface IJobHandler
{
    /// <summary>
    /// Does the work. May run again for the same job (its instance died, or the app stopped halfway), so it
    /// must resume or start over safely. Cancelled when the app stops, when the job is cancelled, or when this
    /// instance lost the job's lease to another.
    /// </summary>
    Task RunAsync(JobContext job, CancellationToken ct);

    /// <summary>The job is given up after <see cref="JobKind.MaxAttempts"/> claims: say so on the feature's own row.</summary>
    Task GiveUpAsync(JobContext job, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A registered kind of job and how this instance runs it.</summary>
public sealed class JobKind(string name, Type handler)
{
    public string Name { get; } = name;
    public Type Handler { get; } = handler;
    /// <summary>Jobs of this kind that one instance runs at once.</summary>
    public Func<IConfiguration, int> MaxConcurrent { get; set; } = _ => 1;
    /// <summary>Claims before the job is given up; a claim whose instance died counts.</summary>
    public int MaxAttempts { get; set; } = 3;
    /// <summary>Set for recurring work: one row, run by one instance per due time, then due again this much later.</summary>
    public Func<IConfiguration, TimeSpan>? Every { get; set; }
    /// <summary>False: this instance leaves jobs of this kind to others.</summary>
    public Func<IConfiguration, bool> Enabled { get; set; } = _ => true;

    public static string KeyFor(string kind, Guid subjectId) => $"{kind}:{subjectId:N}";
}

public sealed class JobContext(BackgroundJob job, Action<string> report)
{
    public Guid Id { get; } = job.Id;
    public Guid? SubjectId { get; } = job.SubjectId;
    public string? Payload { get; } = job.Payload;
    /// <summary>1 on the first claim; more when an earlier instance died or stopped halfway.</summary>
    public int Attempt { get; } = job.Attempts;
    /// <summary>The time this run was due (a recurring job's due time).</summary>
    public DateTime DueAt { get; } = job.RunAfter;

    /// <summary>Keeps the latest progress; this instance shows it at once and the heartbeat writes it for the others.</summary>
    public void ReportProgress(string progress) => report(progress);
}

public sealed record JobStatus(Guid Id, JobState State, int Attempts, string? Progress, string? LastError, DateTime? StartedAt);

/// <summary>
/// Adds jobs to the caller's unit of work (they are queued only if it commits), cancels them, and reads their
/// state and progress for the pages.
/// </summary>
public sealed class JobQueue(AppDbContext db, TimeProvider clock, JobSignal signal, JobProgress progress)
{
    private bool _subscribed;

    public BackgroundJob Enqueue(string kind, Guid subjectId, string? payload = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new BackgroundJob
        {
            Kind = kind, Key = JobKind.KeyFor(kind, subjectId), SubjectId = subjectId, Payload = payload,
            CreatedAt = now, RunAfter = now,
        };
        db.Set<BackgroundJob>().Add(job);
        if (!_subscribed)
        {
            // Wake this instance's runner once the job is committed, rather than at its next poll.
            db.SavedChanges += (_, _) => signal.Poke();
            _subscribed = true;
        }
        return job;
    }

    /// <summary>
    /// Queues a kind's job for a subject once more (work that can be asked for again, such as sending what was
    /// missed): a finished job is queued again at once, a queued or running one is left to run (false), and
    /// without one a new job is added to the caller's unit of work.
    /// </summary>
    public async Task<bool> EnqueueAgainAsync(string kind, Guid subjectId, CancellationToken ct)
    {
        var key = JobKind.KeyFor(kind, subjectId);
        var now = clock.GetUtcNow().UtcDateTime;
        var requeued = await db.Set<BackgroundJob>()
            .Where(j => j.Key == key && (j.State == JobState.Succeeded || j.State == JobState.Failed || j.State == JobState.Cancelled))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.RunAfter, now).SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LockedUntil, (DateTime?)null)
                .SetProperty(j => j.Progress, (string?)null).SetProperty(j => j.LastError, (string?)null)
                .SetProperty(j => j.StartedAt, (DateTime?)null).SetProperty(j => j.FinishedAt, (DateTime?)null), ct);
        if (requeued == 1)
        {
            signal.Poke();
            return true;
        }
        if (await db.Set<BackgroundJob>().AnyAsync(j => j.Key == key, ct))
        {
            return false;
        }
        Enqueue(kind, subjectId);
        return true;
    }

    /// <summary>Cancels a queued or running job; the instance running it stops within a heartbeat.</summary>
    public async Task<bool> CancelAsync(string kind, Guid subjectId, CancellationToken ct)
    {
        var key = JobKind.KeyFor(kind, subjectId);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<BackgroundJob>()
            .Where(j => j.Key == key && (j.State == JobState.Queued || j.State == JobState.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled).SetProperty(j => j.FinishedAt, now), ct) == 1;
    }

    public async Task<JobStatus?> GetAsync(string kind, Guid subjectId, CancellationToken ct)
    {
        var key = JobKind.KeyFor(kind, subjectId);
        var job = await db.Set<BackgroundJob>().AsNoTracking().Where(j => j.Key == key)
            .Select(j => new JobStatus(j.Id, j.State, j.Attempts, j.Progress, j.LastError, j.StartedAt)).FirstOrDefaultAsync(ct);
        // The instance doing the work knows the latest progress before its heartbeat writes it.
        return job is not null && progress.Get(job.Id) is { } local ? job with { Progress = local } : job;
    }
}

/// <summary>The latest progress of the jobs this instance runs.</summary>
public sealed class JobProgress
{
    private readonly ConcurrentDictionary<Guid, string> _latest = new();

    public void Report(Guid jobId, string progress) => _latest[jobId] = progress;

    public string? Get(Guid jobId) => _latest.TryGetValue(jobId, out var p) ? p : null;

    public void Clear(Guid jobId) => _latest.TryRemove(jobId, out _);
}

/// <summary>Wakes the runner after a job is queued in this instance.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Poke()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}

public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobProgress>();
        services.AddScoped<JobQueue>();
        services.AddHostedService<JobRunner>();
        return services;
    }

    /// <summary>Registers a kind of job and its handler (scoped: one scope per run).</summary>
    public static IServiceCollection AddJob<THandler>(this IServiceCollection services, string kind, Action<JobKind>? configure = null)
        where THandler : class, IJobHandler
    {
        var jobKind = new JobKind(kind, typeof(THandler));
        configure?.Invoke(jobKind);
        services.AddSingleton(jobKind);
        services.AddScoped<THandler>();
        return services;
    }
}
