namespace Driehoek.Web.Features.Interpreters;

/// <summary>
/// Someone who interprets at a round's conversations: a staff member of the school, or an external person
/// known by name and organisation. Families see only the language, never an external interpreter's details.
/// </summary>
public sealed class Interpreter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid? StaffMemberId { get; set; }
    public string? Name { get; set; }
    public string? Organisation { get; set; }
    public DateTime CreatedAt { get; set; }

    public const int MaxNameLength = 120;
}

/// <summary>An interpreter at one booking. One per booking; the same interpreter is never at two meetings that overlap.</summary>
public sealed class InterpreterAssignment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid RoundId { get; set; }
    public Guid BookingId { get; set; }
    public Guid InterpreterId { get; set; }
    public Guid AssignedByUserId { get; set; }
    public DateTime AssignedAt { get; set; }
}
