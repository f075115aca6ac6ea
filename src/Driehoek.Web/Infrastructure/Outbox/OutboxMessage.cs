namespace Driehoek.Web.Infrastructure.Outbox;

/// <summary>
/// A side effect (an e-mail today) written in the same transaction as the change that causes it
/// and delivered later by <see cref="OutboxWorker"/>.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime AvailableAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set when delivery was given up after the last retry.</summary>
    public DateTime? FailedAt { get; set; }
}
