namespace Driehoek.Web.Features.Records;

/// <summary>Which agenda a conversation follows; picked from the round's form and kind (<see cref="Agendas.FormOf"/>).</summary>
public enum AgendaForm
{
    /// <summary>Driehoeksgesprek led by the student, round-robin.</summary>
    ThreeWay = 1,
    Start = 2,
    Progress = 3,
    End = 4,
    /// <summary>A special (difficult) conversation at support level 2 or 3.</summary>
    Special = 5,
}

/// <summary>
/// One item of an agenda. A default item has a <see cref="Key"/> (its title and hint come from the resources,
/// in the reader's language); an item a school wrote or renamed has a <see cref="Title"/>. An item
/// <see cref="InTurns"/> is answered by the student, a parent and the teacher in turn.
/// </summary>
public sealed record AgendaItem(string? Key, string? Title, bool InTurns);

/// <summary>A school's own agenda for one form; until a school saves one, the defaults apply.</summary>
public sealed class AgendaTemplate : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public AgendaForm Form { get; set; }
    /// <summary>The items as JSON (<see cref="AgendaItem"/>s).</summary>
    public required string Items { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>What was said about one agenda item: one text, or (in turns) the student's, a parent's and the teacher's.</summary>
public sealed record RecordEntry(string? Key, string? Title, bool InTurns, string? Text, string? Student, string? Parent, string? Teacher);

/// <summary>
/// The record of one held conversation (a booking): the agenda as it was when the record was started, with what
/// was said per item, and a summary shared with the family. Staff-only apart from the summary.
/// </summary>
public sealed class ConversationRecord : Infrastructure.Data.IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid BookingId { get; set; }
    public Guid StudentId { get; set; }
    public AgendaForm Form { get; set; }
    /// <summary>The entries as JSON (<see cref="RecordEntry"/>s).</summary>
    public required string Entries { get; set; }
    public string? SharedSummary { get; set; }
    /// <summary>For a special conversation: where the student stands on the school's support route (1 basic, 2 student review, 3 external help).</summary>
    public int? SupportLevel { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
    public required string UpdatedByName { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Who reads a note: the family (and the student), staff, or only care (the care coordinator and the group's teacher or mentor).</summary>
public enum NoteVisibility
{
    Family = 1,
    Staff = 2,
    Care = 3,
}

/// <summary>A note on a student, written by staff, with its own visibility. Notes are added, not edited.</summary>
public sealed class StudentNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    public NoteVisibility Visibility { get; set; }
    public required string Text { get; set; }
    public Guid AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Goes over to next year's teacher with the handover (care notes only to the care coordinator).</summary>
    public bool ForHandover { get; set; }
}
