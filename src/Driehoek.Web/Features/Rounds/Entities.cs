namespace Driehoek.Web.Features.Rounds;

/// <summary>The three basic rounds of a school year, and any extra ones.</summary>
public enum RoundKind
{
    /// <summary>Kennismaking early in the year, with handover from last year's teacher.</summary>
    Start = 1,
    Progress = 2,
    /// <summary>End of the year, with handover to next year's teacher.</summary>
    End = 3,
    Extra = 4,
}

public enum ConversationForm
{
    TenMinute = 1,
    /// <summary>Driehoeksgesprek: student-led, with parents and teacher.</summary>
    ThreeWay = 2,
    StartConversation = 3,
    HomeVisit = 4,
    WalkIn = 5,
    Digital = 6,
}

[Flags]
public enum Participants
{
    None = 0,
    Parents = 1,
    Student = 2,
    /// <summary>The group teacher (primary) or mentor (secondary) of the student's group.</summary>
    GroupTeacherOrMentor = 4,
    /// <summary>Subject teachers, when the family asks for them (secondary), up to a cap.</summary>
    SubjectTeachersOnRequest = 8,
}

public enum RoundMode
{
    /// <summary>Families book published slots themselves.</summary>
    SelfBooking = 1,
    /// <summary>Families send requests; the school runs the scheduler and publishes the evening.</summary>
    Requests = 2,
}

public enum RoundStatus
{
    Draft = 1,
    Published = 2,
    Cancelled = 3,
}

/// <summary>A round of conversations: who meets whom, in which form, how long, when, and for which groups.</summary>
public sealed class ConversationRound : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid SchoolYearId { get; set; }
    public RoundKind Kind { get; set; }
    public required string Name { get; set; }
    public ConversationForm Form { get; set; }
    public int LengthMinutes { get; set; }
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public Participants Participants { get; set; }
    /// <summary>Most subject teachers a family may add per child (secondary).</summary>
    public int MaxSubjectTeachers { get; set; }
    public RoundMode Mode { get; set; } = RoundMode.SelfBooking;
    public DateTime BookingOpensAt { get; set; }
    public DateTime BookingClosesAt { get; set; }
    /// <summary>Families can cancel or move until this many hours before the conversation.</summary>
    public int ChangeDeadlineHours { get; set; } = 24;
    public bool Handover { get; set; }
    public RoundStatus Status { get; set; } = RoundStatus.Draft;
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }
}

public sealed class RoundGroup
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid GroupId { get; set; }
}

/// <summary>
/// The school's own wording of an invitation for one form and language. Without a row, the standard
/// text from the resources is used, so every language always has an invitation.
/// </summary>
public sealed class InvitationTemplate : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public ConversationForm Form { get; set; }
    public required string Language { get; set; }
    public required string Purpose { get; set; }
    /// <summary>One question per line.</summary>
    public required string ParentQuestions { get; set; }
    public required string StudentQuestions { get; set; }
    public required string TeacherQuestions { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>One household invited to one round for one child; records how it was reached.</summary>
public sealed class RoundInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StudentId { get; set; }
    public Guid HouseholdId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the invitation e-mail(s) went into the outbox; null for a household without e-mail.</summary>
    public DateTime? EmailedAt { get; set; }
    /// <summary>When the letter was printed for a household without e-mail.</summary>
    public DateTime? PrintedAt { get; set; }
}

public enum PreparationParty
{
    Parent = 1,
    Student = 2,
    Teacher = 3,
}

/// <summary>What one party prepared for a child's conversation in a round (answers to the template's questions).</summary>
public sealed class Preparation : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StudentId { get; set; }
    public PreparationParty Party { get; set; }
    /// <summary>The household for a parent's preparation (separated parents each prepare); else null.</summary>
    public Guid? HouseholdId { get; set; }
    /// <summary>The teacher for a teacher's preparation; else null.</summary>
    public Guid? StaffMemberId { get; set; }
    /// <summary>Round, student, party and household or teacher: one preparation per party.</summary>
    public required string Key { get; set; }
    /// <summary>JSON array of answers, in the order of the questions.</summary>
    public required string Answers { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
    public Guid Version { get; set; }
}

public static class PreparationKeys
{
    public static string For(Guid roundId, Guid studentId, PreparationParty party, Guid? householdId, Guid? staffMemberId) =>
        $"{roundId:N}:{studentId:N}:{(int)party}:{householdId?.ToString("N") ?? "-"}:{staffMemberId?.ToString("N") ?? "-"}";
}
