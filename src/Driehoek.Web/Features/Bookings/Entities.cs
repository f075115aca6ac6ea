namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// When a teacher can meet on one day of a round, with an optional break. Saving a block makes its
/// <see cref="Slot"/>s.
/// </summary>
public sealed class AvailabilityBlock
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StaffMemberId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public TimeOnly? BreakStart { get; set; }
    public TimeOnly? BreakEnd { get; set; }
    public string? Room { get; set; }
    public string? VideoLink { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One bookable time of one teacher. Times are UTC; they start on a five-minute grid.</summary>
public sealed class Slot
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StaffMemberId { get; set; }
    public Guid BlockId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Room { get; set; }
    public string? VideoLink { get; set; }
}

public enum BookingStatus
{
    Booked = 1,
    Cancelled = 2,
    Held = 3,
    NoShow = 4,
}

[Flags]
public enum TopicAreas
{
    None = 0,
    Results = 1,
    Wellbeing = 2,
    SocialContacts = 4,
    ClassroomClimate = 8,
}

public enum MeetingMode
{
    OnSite = 1,
    Video = 2,
}

/// <summary>
/// A household's conversation about one child with one teacher. Double booking is impossible by
/// construction: <see cref="ActiveSlotId"/> is unique (one active booking per slot), <see cref="ActiveKey"/>
/// is unique (one active booking per child, household and teacher in a round), and <see cref="TimeClaim"/>s
/// are unique per household (and student) per five minutes.
/// </summary>
public sealed class Booking : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    /// <summary>The slot booked; null if the teacher later removed that time (the booking was cancelled first).</summary>
    public Guid? SlotId { get; set; }
    /// <summary>The slot while the booking is active; null once cancelled, which frees the slot.</summary>
    public Guid? ActiveSlotId { get; set; }
    public string? ActiveKey { get; set; }
    public Guid StaffMemberId { get; set; }
    public Guid StudentId { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid? BookedByGuardianId { get; set; }
    public Guid BookedByUserId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Topics { get; set; }
    public TopicAreas TopicAreas { get; set; }
    public string? InterpreterLanguage { get; set; }
    public MeetingMode Mode { get; set; } = MeetingMode.OnSite;
    public BookingStatus Status { get; set; } = BookingStatus.Booked;
    public bool? StudentPresent { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>The iCalendar UID: stays the same when the booking moves, so calendars update it.</summary>
    public Guid CalendarUid { get; set; } = Guid.NewGuid();
    /// <summary>The iCalendar SEQUENCE: goes up with every move or cancellation.</summary>
    public int Sequence { get; set; }
    public DateTime? ReminderSentAt { get; set; }
    public Guid Version { get; set; }

    public static string KeyFor(Guid roundId, Guid studentId, Guid householdId, Guid staffMemberId) =>
        $"{roundId:N}:{studentId:N}:{householdId:N}:{staffMemberId:N}";
}

/// <summary>
/// Five minutes of someone's time taken by a booking: a household's ("h:…") and, when the student takes
/// part, the student's ("s:…"). Unique per owner and minute, so no one is in two conversations at once.
/// </summary>
public sealed class TimeClaim
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid BookingId { get; set; }
    public required string Owner { get; set; }
    public DateTime Cell { get; set; }

    public const int CellMinutes = 5;
}

/// <summary>A household waiting for a free place with a teacher in a full round.</summary>
public sealed class WaitingListEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid StudentId { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid StaffMemberId { get; set; }
    public Guid GuardianId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? NotifiedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

/// <summary>Sent once per household, round and kind ("not booked yet" before booking closes).</summary>
public sealed class RoundReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid HouseholdId { get; set; }
    public required string Kind { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>A secret calendar-feed address of one user; only its hash is stored.</summary>
public sealed class CalendarFeed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
}
