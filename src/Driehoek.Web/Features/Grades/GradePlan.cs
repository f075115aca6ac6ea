using System.Globalization;
using Driehoek.Web.Features.Roster.Csv;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Web.Features.Grades;

/// <summary>One row of the file matched to its student and to the grade on record, if any.</summary>
public sealed record PlannedGrade(GradeRow Row, Guid StudentId, Guid? ExistingId, int? ExistingHundredths)
{
    public bool Changes => ExistingHundredths != Row.Hundredths;
}

/// <summary>
/// What a checked file would do at a school: each row matched to a student of the school by number and to the grade
/// already on record for that subject and period. The preview counts it, the commit applies it; both find the same
/// problems (a student number the school does not have, a grade given twice), each on its line.
/// </summary>
public sealed record GradePlan(IReadOnlyList<PlannedGrade> Grades, IReadOnlyList<RosterIssue> Errors)
{
    public static async Task<GradePlan> BuildAsync(AppDbContext db, Guid schoolId, ParsedGrades parsed, CancellationToken ct)
    {
        // Rows with a problem of their own are not in parsed.Rows; the others are still matched, so every problem is named at once.
        var errors = parsed.Errors.ToList();
        var students = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in await db.Students.AsNoTracking().Where(x => x.SchoolId == schoolId).Select(x => new { x.ExternalId, x.Id }).ToListAsync(ct))
        {
            students.TryAdd(s.ExternalId, s.Id);
        }
        var periods = parsed.Rows.Select(r => r.Period).Distinct().ToList();
        var onRecord = await db.Set<ReportGrade>().AsNoTracking().Where(g => g.SchoolId == schoolId && periods.Contains(g.Period))
            .Select(g => new { g.Id, g.StudentId, g.Subject, g.Period, g.Hundredths })
            .ToDictionaryAsync(g => (g.StudentId, g.Subject, g.Period), ct);
        var firstLine = new Dictionary<(Guid, string, string), int>();
        var grades = new List<PlannedGrade>(parsed.Rows.Count);
        foreach (var row in parsed.Rows)
        {
            if (!students.TryGetValue(row.StudentNumber, out var studentId))
            {
                errors.Add(new RosterIssue(row.Line, "Grades.UnknownStudent", [row.StudentNumber]));
                continue;
            }
            var key = (studentId, row.Subject, row.Period);
            if (!firstLine.TryAdd(key, row.Line))
            {
                errors.Add(new RosterIssue(row.Line, "Grades.Duplicate",
                    [row.StudentNumber, row.Subject, row.Period, firstLine[key].ToString(CultureInfo.InvariantCulture)]));
                continue;
            }
            var existing = onRecord.GetValueOrDefault(key);
            grades.Add(new PlannedGrade(row, studentId, existing?.Id, existing?.Hundredths));
        }
        return new GradePlan(grades, errors.OrderBy(e => e.Line).ToList());
    }
}

/// <summary>What committing the file would do, and what is wrong with it; stored as JSON with the import.</summary>
public sealed record GradePreview(
    int Rows, string Encoding, string Delimiter, int Added, int Changed, int Unchanged, IReadOnlyList<string> Periods,
    int BelowThreshold, string Threshold,
    int ErrorTotal, IReadOnlyList<RosterIssue> Errors, int WarningTotal, IReadOnlyList<RosterIssue> Warnings)
{
    public const int MaxListed = 500;

    public static GradePreview Of(ParsedGrades parsed, GradePlan plan, int lowGradeBelow) => new(
        parsed.Rows.Count, parsed.EncodingName, parsed.Delimiter == '\t' ? "tab" : parsed.Delimiter.ToString(),
        plan.Grades.Count(g => g.ExistingId is null), plan.Grades.Count(g => g.ExistingId is not null && g.Changes),
        plan.Grades.Count(g => !g.Changes), parsed.Rows.Select(r => r.Period).Distinct().Order(StringComparer.Ordinal).Take(20).ToList(),
        plan.Grades.Count(g => g.Row.Hundredths < lowGradeBelow), GradeValue.Format(lowGradeBelow),
        plan.Errors.Count, plan.Errors.Take(MaxListed).ToList(), parsed.Warnings.Count, parsed.Warnings.Take(MaxListed).ToList());
}
