using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// One evening (or afternoon) session of a round in request mode, set by the school leader. Its times are
/// cut into slots of the round's length; the scheduler places meetings on those slots.
/// </summary>
public sealed class RoundSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A session a household can come to (separated parents each choose their own).</summary>
public sealed class FamilySession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid SessionId { get; set; }
}

public enum RequestKind
{
    /// <summary>The child's group teacher or mentor; when two teachers share the group, either of them.</summary>
    GroupTeacherOrMentor = 1,
    SubjectTeacher = 2,
}

public enum RequestOutcome
{
    /// <summary>Not scheduled yet.</summary>
    Open = 1,
    Scheduled = 2,
    Unplaced = 3,
}

/// <summary>
/// A household asks for one conversation about one child in a round in request mode. The scheduler
/// turns it into a <see cref="Booking"/> when the school publishes the evening.
/// </summary>
public sealed class ConversationRequest : IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StudentId { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid GuardianId { get; set; }
    public Guid UserId { get; set; }
    public RequestKind Kind { get; set; }
    /// <summary>The subject teacher asked for; null for the group teacher or mentor (whoever teaches the group).</summary>
    public Guid? StaffMemberId { get; set; }
    /// <summary>Round, child, household and teacher (or "main"): one request per conversation.</summary>
    public required string Key { get; set; }
    /// <summary>Twice the round's length; a household may ask this for one conversation.</summary>
    public bool DoubleLength { get; set; }
    public string? Topics { get; set; }
    public TopicAreas TopicAreas { get; set; }
    public string? InterpreterLanguage { get; set; }
    public MeetingMode Mode { get; set; } = MeetingMode.OnSite;
    /// <summary>Asked after the evening was published: placed at once around the published meetings.</summary>
    public bool Late { get; set; }
    public RequestOutcome Outcome { get; set; } = RequestOutcome.Open;
    /// <summary>Resource key of the plain-words reason the family reads when it could not be placed.</summary>
    public string? UnplacedReason { get; set; }
    public Guid? BookingId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public static string KeyFor(Guid roundId, Guid studentId, Guid householdId, Guid? staffMemberId) =>
        $"{roundId:N}:{studentId:N}:{householdId:N}:{staffMemberId?.ToString("N") ?? "main"}";

    public int Priority => Kind == RequestKind.GroupTeacherOrMentor ? MainPriority : 1;

    /// <summary>The scheduler's priority of a conversation with the group teacher or mentor: placed before any subject teacher.</summary>
    public const int MainPriority = 2;
}

public enum ScheduleRunStatus
{
    Queued = 1,
    Running = 2,
    Finished = 3,
    Failed = 4,
    Cancelled = 5,
}

/// <summary>
/// One run of the scheduler for a round: the instance it was given (driehoek-ptc/1), the schedule it
/// made (edited by hand afterwards), its metrics, and whether it was published.
/// </summary>
public sealed class ScheduleRun : IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public ScheduleRunStatus Status { get; set; } = ScheduleRunStatus.Queued;
    /// <summary>The round's id while queued or running: unique, so a round has one run at a time.</summary>
    public string? RunningKey { get; set; }
    /// <summary>The round's id once published: unique, so a round has one published schedule.</summary>
    public string? PublishedKey { get; set; }
    public int TimeBudgetSeconds { get; set; }
    public int? MaxConsecutive { get; set; }
    public int Seed { get; set; }
    /// <summary>The driehoek-ptc/1 instance as built from the requests and availability.</summary>
    public required string Instance { get; set; }
    /// <summary>JSON map from the instance's ids to names people read.</summary>
    public required string Labels { get; set; }
    /// <summary>The driehoek-ptc-solution/1 schedule; null until the run finishes.</summary>
    public string? Solution { get; set; }
    public string? Metrics { get; set; }
    public string? Failure { get; set; }
    public int Moves { get; set; }
    public Guid StartedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public Guid? PublishedBy { get; set; }
    public Guid Version { get; set; }
}
