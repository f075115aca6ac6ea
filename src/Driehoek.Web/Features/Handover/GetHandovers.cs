namespace Driehoek.Web.Features.Handover;

/// <summary>One handover as a line on a timeline: which year, where it stands; never its content.</summary>
public sealed record HandoverEntry(Guid StudentId, Guid YearId, string YearName, HandoverStatus Status, DateTime At, string? By, bool Read);

/// <summary>
/// A student's handovers for the timeline: staff see those whose content their part lets them read (next year's teacher
/// only released ones), the family only released ones and only where they read the handover at all.
/// </summary>
public sealed class GetHandovers(AppDbContext db, HandoverAccess handoverAccess)
{
    /// <param name="relations">the reader's relations to the student, as the timeline has them already</param>
    public async Task<IReadOnlyList<HandoverEntry>> ForStaffAsync(Guid studentId, IReadOnlySet<Relation> relations, CancellationToken ct)
    {
        var readers = (await handoverAccess.ReadersAsync(studentId, Act.View, ct, relations)).ToDictionary(r => r.Year.Id);
        if (readers.Count == 0)
        {
            return [];
        }
        var years = readers.Keys.ToList();
        var students = readers.Values.Select(r => r.HandoverStudentId).Distinct().ToList();
        var rows = await db.StudentHandovers.AsNoTracking().Where(h => students.Contains(h.StudentId) && years.Contains(h.SchoolYearId)).ToListAsync(ct);
        // A handover brought from another school is the other record's: the line links to it through this one.
        return rows.Where(h => readers[h.SchoolYearId].SeesContent(h.Status))
            .Select(h => Entry(h, readers[h.SchoolYearId].Year.Name) with { StudentId = studentId }).ToList();
    }

    /// <returns>null when the reader does not read the handover at all (a student below the school's age)</returns>
    public async Task<IReadOnlyList<HandoverEntry>?> ForFamilyAsync(Guid studentId, IReadOnlySet<Relation> relations, CancellationToken ct)
    {
        if (!await handoverAccess.FamilyReadsAsync(studentId, relations, ct))
        {
            return null;
        }
        var rows = await db.StudentHandovers.AsNoTracking().Where(h => h.StudentId == studentId && h.Status == HandoverStatus.Released)
            .Join(db.SchoolYears, h => h.SchoolYearId, y => y.Id, (h, y) => new { h, y.Name }).ToListAsync(ct);
        return rows.Select(r => Entry(r.h, r.Name)).ToList();
    }

    private static HandoverEntry Entry(StudentHandover h, string year) =>
        new(h.StudentId, h.SchoolYearId, year, h.Status, h.ReleasedAt ?? h.CompiledAt, h.ReleasedByName, h.ReadAt is not null);
}
