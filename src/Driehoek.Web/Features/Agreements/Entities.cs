namespace Driehoek.Web.Features.Agreements;

/// <summary>Who carries out an agreement: the student, one of their parents, or a staff member.</summary>
public enum AgreementOwner
{
    Student = 1,
    Guardian = 2,
    Staff = 3,
}

public enum AgreementStatus
{
    Open = 1,
    Done = 2,
    Dropped = 3,
}

/// <summary>
/// An agreement made in or after a conversation about a student: who does what, why, by when and how, and
/// when it is checked. It belongs to the student and, when made after a held conversation, to that booking.
/// </summary>
public sealed class Agreement : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    /// <summary>The held conversation it came from; null when made from the student record.</summary>
    public Guid? BookingId { get; set; }
    public required string What { get; set; }
    public string? Why { get; set; }
    public string? How { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly CheckOn { get; set; }
    public AgreementOwner Owner { get; set; }
    /// <summary>The owning parent when <see cref="Owner"/> is a guardian.</summary>
    public Guid? OwnerGuardianId { get; set; }
    /// <summary>The owning staff member when <see cref="Owner"/> is staff.</summary>
    public Guid? OwnerStaffMemberId { get; set; }
    public AgreementStatus Status { get; set; } = AgreementStatus.Open;
    public DateTime? StatusChangedAt { get; set; }
    public string? StatusChangedBy { get; set; }
    public Guid CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the family heard of it (one e-mail per household for what was agreed together).</summary>
    public DateTime? AnnouncedAt { get; set; }
    /// <summary>When the owner was reminded of the check date; once.</summary>
    public DateTime? ReminderSentAt { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A parent's or the student's answer to an agreement: confirmed, and/or a short reaction.</summary>
public sealed class AgreementResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid AgreementId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The student themself (else a parent).</summary>
    public bool ByStudent { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? Reaction { get; set; }
    public DateTime? ReactedAt { get; set; }
}

/// <summary>A school's choices about agreements; a school without a row has the defaults.</summary>
public sealed class AgreementSettings
{
    public Guid SchoolId { get; set; }
    /// <summary>Students see their agreements and confirm their own (default: on for secondary schools).</summary>
    public bool StudentsSee { get; set; }
    /// <summary>How many days before the check date the owner is reminded.</summary>
    public int ReminderDaysBefore { get; set; } = AgreementRules.DefaultReminderDaysBefore;
}

public static class AgreementRules
{
    public const int MaxTextLength = 2000;
    public const int MaxReactionLength = 1000;
    public const int DefaultReminderDaysBefore = 3;
    public const int MaxReminderDaysBefore = 30;
}
