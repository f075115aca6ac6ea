namespace Driehoek.Web.Features.Contacts;

/// <summary>How a contact with the family took place. A held conversation is not logged here: the log reads it live.</summary>
public enum ContactChannel
{
    Call = 1,
    DoorChat = 2,
    HomeVisit = 3,
    Letter = 4,
    Email = 5,
    Message = 6,
    /// <summary>The family told the school about something outside school (a move, an illness, a loss).</summary>
    FamilyNews = 7,
}

/// <summary>The four areas of the contact arrangement (seed 002, appendix B).</summary>
public enum ContactArea
{
    Results = 1,
    Wellbeing = 2,
    SocialContacts = 3,
    ClassroomClimate = 4,
}

public enum ContactTone
{
    Positive = 1,
    Concern = 2,
}

/// <summary>Whom a contact was with.</summary>
public enum ContactWith
{
    Guardians = 1,
    Student = 2,
    Both = 3,
}

/// <summary>What a family's news is about.</summary>
public enum FamilyNewsKind
{
    Move = 1,
    Illness = 2,
    Loss = 3,
    Other = 4,
}

/// <summary>
/// One contact with a family about a student, logged by the staff member who had it, or a family's news about
/// something outside school that matters (<see cref="ContactChannel.FamilyNews"/>, logged by the parent or student).
/// </summary>
public sealed class ContactEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    public Guid LoggedByUserId { get; set; }
    /// <summary>The staff member who had the contact; null for a family's news.</summary>
    public Guid? StaffMemberId { get; set; }
    /// <summary>The name shown with the entry, as it was when logged.</summary>
    public required string AuthorName { get; set; }
    public DateTime At { get; set; }
    public DateTime LoggedAt { get; set; }
    public ContactChannel Channel { get; set; }
    public ContactWith With { get; set; }
    public ContactArea Area { get; set; }
    /// <summary>Null for a family's news: it is neither praise nor a worry of the school's.</summary>
    public ContactTone? Tone { get; set; }
    public FamilyNewsKind? NewsKind { get; set; }
    public string? Summary { get; set; }
    /// <summary>"We talk again on": the date agreed for the next contact.</summary>
    public DateOnly? TalkAgainOn { get; set; }
}

/// <summary>The common situations a family or student picks from; the sensitive ones reach the care coordinator too.</summary>
public enum ConcernSituation
{
    Bullied = 1,
    NoJoy = 2,
    HomeAffectsSchool = 3,
    WorriedAboutGrades = 4,
    Other = 5,
}

public enum ConcernStatus
{
    New = 1,
    BeingHandled = 2,
    Answered = 3,
}

/// <summary>A concern a parent or the student raises with the school, which the mentor (and for sensitive ones the care coordinator) answers.</summary>
public sealed class Concern : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    public Guid RaisedByUserId { get; set; }
    public bool RaisedByStudent { get; set; }
    public ContactArea Area { get; set; }
    public ConcernSituation Situation { get; set; }
    /// <summary>Reaches the care coordinator as well as the mentor; only they read it (<see cref="ContactRules.IsSensitive"/>).</summary>
    public bool Sensitive { get; set; }
    public string? Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public ConcernStatus Status { get; set; }
    public string? Reply { get; set; }
    public Guid? HandledByUserId { get; set; }
    public string? HandledByName { get; set; }
    public DateTime? RepliedAt { get; set; }
    public Guid Version { get; set; }
}

public static class ContactRules
{
    public const int MaxSummary = 500;
    public const int MaxConcern = 2000;
    public const int MaxReply = 1000;

    /// <summary>
    /// Bullying and something at home that affects school are care matters: the care coordinator gets them as well
    /// as the mentor, and no other staff read them (docs/security.md).
    /// </summary>
    public static bool IsSensitive(ConcernSituation situation) => situation is ConcernSituation.Bullied or ConcernSituation.HomeAffectsSchool;

    /// <summary>The area a situation belongs to; "other" keeps the area the family chose.</summary>
    public static ContactArea AreaOf(ConcernSituation situation, ContactArea chosen) => situation switch
    {
        ConcernSituation.Bullied => ContactArea.SocialContacts,
        ConcernSituation.NoJoy => ContactArea.Wellbeing,
        ConcernSituation.HomeAffectsSchool => ContactArea.Wellbeing,
        ConcernSituation.WorriedAboutGrades => ContactArea.Results,
        _ => chosen,
    };

    /// <summary>Text a person must or may write: refused when too long, never cut; null when empty.</summary>
    public static FieldError? CheckLength(string? trimmed, string field, int max) =>
        trimmed is not null && trimmed.Length > max ? new FieldError(field, "Text.TooLong", max) : null;
}
