namespace Driehoek.Web.Features.Conversations;

/// <summary>What the family has done with a conversation staff planned outside the rounds.</summary>
public enum PlannedStatus
{
    /// <summary>Times proposed; the family has not answered.</summary>
    Proposed,
    /// <summary>The family picked one of the times.</summary>
    Accepted,
    /// <summary>None of the times suits; the family asked for another.</summary>
    OtherTimeAsked,
    /// <summary>Called off by staff or by the family, with a message saying why.</summary>
    Cancelled,
}

/// <summary>
/// A conversation staff plan for one student and their family outside any round (a special conversation
/// at support level 2 or 3, or any other): its purpose for the family, a staff-only note, who takes part,
/// and a few proposed times of which the family picks one.
/// </summary>
public sealed class PlannedConversation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    public Guid PlannedByStaffId { get; set; }
    /// <summary>The family's request this conversation answers, if any.</summary>
    public Guid? WishId { get; set; }
    /// <summary>What the family reads: why we meet.</summary>
    public required string Purpose { get; set; }
    /// <summary>For staff only: never shown to the family.</summary>
    public string? StaffNote { get; set; }
    /// <summary>2 or 3 for a special conversation on the school's support route; null for any other.</summary>
    public int? SupportLevel { get; set; }
    public string? AskedBy { get; set; }
    public string? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public bool StudentTakesPart { get; set; }
    public PlannedStatus Status { get; set; }
    public Guid? ChosenTimeId { get; set; }
    public string? FamilyMessage { get; set; }
    public Guid? AnsweredByUserId { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>What staff wrote with new or changed times: shown to the family.</summary>
    public string? StaffMessage { get; set; }
    /// <summary>Why it was called off, as the one who did wrote it.</summary>
    public string? CancelReason { get; set; }
    public bool CancelledByFamily { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>
    /// Goes up with every change (answer, new times, cancellation): a form that read an older revision is
    /// refused, two saves at once fail on it, and it is the calendar file's SEQUENCE.
    /// </summary>
    public int Revision { get; set; }
}

public sealed class PlannedConversationTime
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public DateTime StartsAt { get; set; }
    public int Minutes { get; set; }
    /// <summary>A room or a video link.</summary>
    public string? Place { get; set; }
}

/// <summary>Someone at the table: a staff member of the school, or an outside professional by name, organisation and role.</summary>
public sealed class PlannedConversationParticipant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public Guid? StaffMemberId { get; set; }
    public string? Name { get; set; }
    public string? Organisation { get; set; }
    public string? Role { get; set; }
}

public enum WishStatus
{
    Open,
    /// <summary>The mentor replied with a message.</summary>
    Replied,
    /// <summary>The mentor planned a conversation for it.</summary>
    Planned,
}

/// <summary>A parent's or a student's request for a conversation, which the mentor answers by a promised date.</summary>
public sealed class ConversationWish
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    public Guid AskedByUserId { get; set; }
    public bool AskedByStudent { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ReplyBy { get; set; }
    public WishStatus Status { get; set; }
    public string? Reply { get; set; }
    public Guid? RepliedByStaffId { get; set; }
    public DateTime? RepliedAt { get; set; }
    public Guid? ConversationId { get; set; }
}

public static class ConversationRules
{
    public const int MaxPurpose = 1000;
    public const int MaxNote = 2000;
    public const int MaxShort = 200;
    public const int MaxMessage = 500;
    public const int MaxPlace = 400;
    public const int MaxTimes = 5;
    public const int MaxExternal = 5;
    public const int DefaultReplyDays = 3;

    /// <summary>
    /// The moment a reply is promised: this many school days (Monday to Friday) on, at the same time of day in
    /// the school's zone, so a request on Friday with three days is due on Wednesday, across a clock change too.
    /// </summary>
    public static DateTime ReplyBy(DateTime askedAtUtc, int schoolDays)
    {
        var local = Organisation.SchoolCalendar.ToLocal(askedAtUtc);
        var due = local;
        for (var left = schoolDays; left > 0;)
        {
            due = due.AddDays(1);
            if (due.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }
        var at = due.Date + local.TimeOfDay;
        // A time that does not exist on that day (the spring clock change) moves on by the hour it skips.
        return Organisation.SchoolCalendar.ToUtc(Organisation.SchoolCalendar.Zone.IsInvalidTime(at) ? at.AddHours(1) : at);
    }

    /// <summary>A short message a family or staff member must write: refused when empty or too long, never cut.</summary>
    public static FieldError? CheckMessage(string? trimmed, string field, string requiredKey) =>
        string.IsNullOrEmpty(trimmed) ? new FieldError(field, requiredKey)
        : trimmed.Length > MaxMessage ? new FieldError(field, "Text.TooLong", MaxMessage)
        : null;
}
