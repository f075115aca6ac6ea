using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Coverage;

/// <summary>A row of a coverage table: a group, a home language, a school, or the whole.</summary>
public sealed record CoverageLine(Guid? Id, string Name, int Students, StateCounts Counts);

/// <summary>The school's year in start, progress and end rounds: per group and per home language, for the chosen kind.</summary>
public sealed record SchoolCoverageView(Guid SchoolId, string SchoolName, string? YearName, RoundKind Kind, IReadOnlyList<CoverageRound> Rounds,
    IReadOnlyDictionary<RoundKind, StateCounts> Year, IReadOnlyList<CoverageLine> Groups, IReadOnlyList<CoverageLine> Languages, CoverageLine Total);

/// <summary>
/// The coverage of the conversation cycle for a school's leaders, care coordinator and board admins. Every figure
/// is counted from one set-based load (<see cref="CoverageFacts"/>), so a school of thousands costs a handful of queries.
/// </summary>
public sealed class GetSchoolCoverage(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<SchoolCoverageView>> HandleAsync(Guid schoolId, RoundKind? kind, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (school is null || !await access.MayAsync(Resource.CycleCoverage, Act.View, Target.School(schoolId), ct))
        {
            return Result<SchoolCoverageView>.NotFound();
        }
        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, SchoolCalendar.Today(clock), ct);
        var facts = year is null ? Empty : await CoverageFacts.LoadAsync(db, schoolId, year.Id, null, ct);
        var chosen = Chosen(kind, facts.Rounds);
        var groups = year is null ? [] : await db.Groups.AsNoTracking().Where(g => g.SchoolYearId == year.Id && g.SchoolId == schoolId)
            .OrderBy(g => g.Level).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var byGroup = facts.Families.ToLookup(f => f.GroupId);
        var studentsByGroup = facts.Students.ToLookup(s => s.GroupId);
        return new SchoolCoverageView(school.Id, school.Name, year?.Name, chosen, facts.Rounds, Year(facts.Families),
            groups.Select(g => new CoverageLine(g.Id, g.Name, studentsByGroup[g.Id].Count(), StateCounts.Of(byGroup[g.Id], chosen))).ToList(),
            Languages(facts.Families, chosen),
            new CoverageLine(school.Id, school.Name, facts.Students.Count, StateCounts.Of(facts.Families, chosen)));
    }

    internal static readonly CoverageFacts.Loaded Empty = new([], [], []);

    /// <summary>The kind asked for; else the latest kind with a published round; else the start round.</summary>
    internal static RoundKind Chosen(RoundKind? kind, IReadOnlyList<CoverageRound> rounds) =>
        kind is { } k && CoverageFacts.BasicKinds.Contains(k) ? k
        : rounds.Count > 0 ? rounds.Max(r => r.Kind)
        : RoundKind.Start;

    internal static IReadOnlyDictionary<RoundKind, StateCounts> Year(IReadOnlyList<CoverageFamily> families) =>
        CoverageFacts.BasicKinds.ToDictionary(k => k, k => StateCounts.Of(families, k));

    internal static IReadOnlyList<CoverageLine> Languages(IReadOnlyList<CoverageFamily> families, RoundKind kind) =>
        families.GroupBy(f => f.Language)
            .Select(g => new CoverageLine(null, g.Key, g.Select(f => f.StudentId).Distinct().Count(), StateCounts.Of(g, kind)))
            .OrderByDescending(l => l.Counts.NotReached).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
}
