namespace Driehoek.Web.Features.TakingPart;

/// <summary>Why the school decided a three-way conversation goes ahead without the child. For staff only.</summary>
public enum WithoutChildReason
{
    Medication = 1,
    SeriousDelays = 2,
    HomeMatters = 3,
    Other = 4,
}

/// <summary>
/// A parent's answer to "does your child take part in the three-way conversation?" for one round. Each guardian
/// answers for themself (separated parents both have a say); answering again replaces their own answer.
/// </summary>
public sealed class TakingPartAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StudentId { get; set; }
    public Guid GuardianId { get; set; }
    public bool TakesPart { get; set; }
    /// <summary>Optional, in the parent's words; staff who lead the conversation read it.</summary>
    public string? Reason { get; set; }
    public Guid AnsweredByUserId { get; set; }
    public DateTime AnsweredAt { get; set; }

    public const int MaxReasonLength = 300;
}

/// <summary>
/// The school's decision that a child does not take part in a round's three-way conversation. Taking the decision
/// back deletes the row. The reason is staff-only: the family reads only that the school decided so.
/// </summary>
public sealed class WithoutChildDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StudentId { get; set; }
    public WithoutChildReason Reason { get; set; }
    public Guid DecidedByUserId { get; set; }
    public DateTime DecidedAt { get; set; }
}
