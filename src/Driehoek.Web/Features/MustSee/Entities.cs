namespace Driehoek.Web.Features.MustSee;

/// <summary>
/// A teacher would especially like to speak with a child's family in a round. The reason is for staff only.
/// Unmarking keeps the row (inactive) with when the family was invited, so marking again never invites twice.
/// </summary>
public sealed class MustSeeMark
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StaffMemberId { get; set; }
    public Guid StudentId { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Why, for staff: never shown to the family.</summary>
    public string? Reason { get; set; }
    public Guid MarkedByUserId { get; set; }
    public DateTime MarkedAt { get; set; }
    /// <summary>When the family's personal invitation went into the outbox; null until the round is published.</summary>
    public DateTime? InvitedAt { get; set; }

    public const int MaxReasonLength = 200;
}
