namespace Driehoek.Web.Features.Handover;

public enum HandoverStatus
{
    /// <summary>Compiled; the outgoing teacher is still choosing what goes over. Nobody but they, the care coordinator and the leaders read it.</summary>
    Draft = 1,
    /// <summary>Released: next year's teacher and the family read it; it no longer changes, the family can still add to it.</summary>
    Released = 2,
}

public enum HandoverItemKind
{
    /// <summary>An open agreement, as it stood when compiled.</summary>
    Agreement = 1,
    /// <summary>A note marked "for the handover".</summary>
    Note = 2,
    /// <summary>The summary of one of the year's last conversations, as shared with the family.</summary>
    Summary = 3,
    /// <summary>Where the student stands on the school's support route (1 to 3).</summary>
    SupportLevel = 4,
    /// <summary>A line the outgoing teacher added.</summary>
    TeacherLine = 5,
    /// <summary>What a parent or the student added after the release.</summary>
    FamilyLine = 6,
}

/// <summary>Who reads an item once the handover is released.</summary>
public enum HandoverAudience
{
    /// <summary>The family, next year's teacher, the care coordinator and the leaders.</summary>
    Family = 1,
    /// <summary>Next year's teacher, the care coordinator and the leaders; never the family.</summary>
    Staff = 2,
    /// <summary>Only the care coordinator (and the outgoing teacher, who wrote or read it already).</summary>
    Care = 3,
}

/// <summary>
/// What passes from this year's group teacher or mentor to next year's about one student: compiled from the year's
/// data, reviewed and released by the outgoing teacher. One per student per school year (the year it closes).
/// </summary>
public sealed class StudentHandover : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    /// <summary>The school year that is handed over (the outgoing teacher's year).</summary>
    public Guid SchoolYearId { get; set; }
    public HandoverStatus Status { get; set; } = HandoverStatus.Draft;
    public DateTime CompiledAt { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public string? ReleasedByName { get; set; }
    /// <summary>When next year's teacher first read it; the family's invitation to the start conversation says so.</summary>
    public DateTime? ReadAt { get; set; }
    public string? ReadByName { get; set; }
    public Guid Version { get; set; }
}

/// <summary>One thing that goes over (or, unticked, does not): a copy of its source as it was when compiled.</summary>
public sealed class HandoverItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid HandoverId { get; set; }
    public HandoverItemKind Kind { get; set; }
    /// <summary>The agreement, note or conversation record it was copied from; null for added lines and the support level.</summary>
    public Guid? SourceId { get; set; }
    public HandoverAudience Audience { get; set; }
    public required string Text { get; set; }
    /// <summary>Who: the agreement's owner, the summary's teacher, the line's author.</summary>
    public string? Person { get; set; }
    /// <summary>An agreement's check date, a conversation's date.</summary>
    public DateOnly? On { get; set; }
    /// <summary>A summary is shared with the household whose conversation it was (separated parents each their own).</summary>
    public Guid? HouseholdId { get; set; }
    public bool Included { get; set; } = true;
    public Guid? AuthorUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A school's choices about the handover; a school without a row has the default (students do not read it).</summary>
public sealed class HandoverSettings
{
    public Guid SchoolId { get; set; }
    /// <summary>From this age a student reads their own handover and adds to it; null: never.</summary>
    public int? StudentsFromAge { get; set; }
}

public static class HandoverRules
{
    public const int MaxLine = 1000;
    public const int MaxFamilyLine = 500;
    /// <summary>How many lines one person adds to one handover: enough to say something, too few to flood it.</summary>
    public const int MaxFamilyLinesPerPerson = 5;
    public const int MaxTeacherLines = 20;
    /// <summary>The last conversation summaries of the year that go over.</summary>
    public const int Summaries = 3;
    public const int MinAge = 4;
    public const int MaxAge = 21;
}
