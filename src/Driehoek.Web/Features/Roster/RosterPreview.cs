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
}
