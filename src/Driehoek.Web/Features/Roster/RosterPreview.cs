using Driehoek.Web.Features.Roster.Csv;

namespace Driehoek.Web.Features.Roster;

public sealed record ChangeCount(string Entity, int Added, int Updated);

/// <summary>What committing the file would do, and what is wrong with it; stored as JSON with the import.</summary>
public sealed record RosterPreview(
    RosterKind Kind,
    int Rows,
    string Encoding,
    string Delimiter,
    IReadOnlyList<ChangeCount> Changes,
    int ErrorTotal,
    IReadOnlyList<RosterIssue> Errors,
    int WarningTotal,
    IReadOnlyList<RosterIssue> Warnings)
{
    /// <summary>Enough to fix a file; a file with thousands of errors is the wrong file.</summary>
    public const int MaxListed = 500;

    /// <summary>Guardians whose shared data the import leaves for the board admin (previews stored before there were conflicts have none).</summary>
    public int ConflictTotal { get; init; }

    public IReadOnlyList<RosterConflict> Conflicts { get; init; } = [];

    /// <summary>Groups committing would create; the leader confirms them first (a typo in the file makes a group).</summary>
    public IReadOnlyList<string> NewGroups { get; init; } = [];

    /// <summary>Groups in the file without a group teacher or mentor: nobody would hold their conversations.</summary>
    public IReadOnlyList<string> GroupsWithoutTeacher { get; init; } = [];

    /// <summary>The school year the import fills (the new one once the school has rolled over); null in previews stored before.</summary>
    public string? Year { get; init; }

    public RosterPreview WithConflicts(IReadOnlyList<RosterConflict> conflicts) =>
        this with { ConflictTotal = conflicts.Count, Conflicts = conflicts.Take(MaxListed).ToList() };
}

/// <summary>
/// A guardian another school of the board also has, about whom the file says something else: the import
/// leaves these <see cref="Differences"/> unchanged for the board admin. <see cref="Guardian"/> is the name
/// the file gives, <see cref="Line"/> the first line that differs.
/// </summary>
public sealed record RosterConflict(int Line, string Guardian, IReadOnlyList<ConflictDifference> Differences);

/// <summary>One difference: <see cref="Key"/> is a resource key, <see cref="Args"/> what the file says and what is on record.</summary>
public sealed record ConflictDifference(string Key, string[] Args);
