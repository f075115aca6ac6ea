namespace Driehoek.Web.Features.Coverage;

public enum CallOutcome
{
    /// <summary>Spoke to the family: it counts as reached in that round.</summary>
    Reached = 1,
    NoAnswer = 2,
}

/// <summary>A phone call to a family about a round, logged from the coverage page by the one who made it.</summary>
public sealed class FollowUpCall
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StudentId { get; set; }
    /// <summary>The household called; null for a child without a household on file (the school phoned whoever it could).</summary>
    public Guid? HouseholdId { get; set; }
    public Guid CalledByUserId { get; set; }
    public DateTime CalledAt { get; set; }
    public CallOutcome Outcome { get; set; }
}
