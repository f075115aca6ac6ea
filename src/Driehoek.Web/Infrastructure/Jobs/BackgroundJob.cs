using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Infrastructure.Jobs;

public enum JobState
{
    /// <summary>Waiting for its <see cref="BackgroundJob.RunAfter"/>; a recurring job waits here between runs.</summary>
    Queued = 1,
    /// <summary>Claimed by the instance named in <see cref="BackgroundJob.LockedBy"/> until its lease runs out.</summary>
    Running = 2,
    Succeeded = 3,
    /// <summary>Given up: its instances died (or it threw) <see cref="JobKind.MaxAttempts"/> times.</summary>
    Failed = 4,
    Cancelled = 5,
}

/// <summary>
/// One piece of background work, shared by every app instance through the database: claimed with a lease
/// (<see cref="LockedBy"/>, <see cref="LockedUntil"/>) that the running instance renews; when that instance
/// dies, the lease runs out and another instance claims the job again.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    /// <summary>Unique: one job per kind and subject (a roster import, a scheduler run), or one row per recurring kind.</summary>
    public required string Key { get; set; }
    public Guid? SubjectId { get; set; }
    public string? Payload { get; set; }
    public JobState State { get; set; } = JobState.Queued;
    /// <summary>Claims so far; a claim whose instance died counts too.</summary>
    public int Attempts { get; set; }
    /// <summary>Not claimed before this time (the next due time of a recurring job, a retry's back-off).</summary>
    public DateTime RunAfter { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>The handler's latest progress (its own format), written with the heartbeat.</summary>
    public string? Progress { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

internal sealed class BackgroundJobMapping : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> b)
    {
        b.ToTable("BackgroundJobs");
        b.Property(x => x.Kind).HasMaxLength(60);
        b.Property(x => x.Key).HasMaxLength(120);
        b.Property(x => x.Payload).HasMaxLength(4000);
        b.Property(x => x.LockedBy).HasMaxLength(120);
        b.Property(x => x.Progress).HasMaxLength(4000);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.Kind, x.State, x.RunAfter });
    }
}
