using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Roster.Csv;

public sealed record GuardianRow(
    string Key, string FirstName, string? Prefix, string LastName, string? Email, string? Phone,
    GuardianRelationship Relationship, bool HasParentalAuthority, string Language, string HouseholdKey);

public sealed record StudentRow(
    int Line, string Number, string FirstName, string? Prefix, string LastName, DateOnly? DateOfBirth,
    string Group, int? Level, string? Email, IReadOnlyList<GuardianRow> Guardians);

public sealed record StaffRow(
    int Line, string Code, string FirstName, string? Prefix, string LastName, string? Email,
    StaffRole Role, string? Group, string? Subject, int? Level);

/// <summary>A problem on one line of the file; <see cref="Key"/> is a resource key, <see cref="Args"/> fill it in.</summary>
public sealed record RosterIssue(int Line, string Key, string[] Args);

/// <summary>
/// A checked file. <see cref="Students"/> reads the rows from the text again on each enumeration (one row in
/// memory at a time); <see cref="Rows"/> counts the lines with data.
/// </summary>
public sealed record ParsedRoster(
    RosterKind Kind,
    IEnumerable<StudentRow> Students,
    IReadOnlyList<StaffRow> Staff,
    IReadOnlyList<RosterIssue> Errors,
    IReadOnlyList<RosterIssue> Warnings,
    string EncodingName,
    char Delimiter)
{
    public int Rows { get; init; }
}
