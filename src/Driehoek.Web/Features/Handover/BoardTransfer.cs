using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Handover;

/// <summary>
/// A student who came from another school of the same board: their record there (students are per school), the school,
/// the last year they were enrolled there (whose handover they bring) and their first year here (whose group teacher or
/// mentor reads it).
/// </summary>
public sealed record BoardTransfer(Guid FromStudentId, Guid FromSchoolId, string FromSchoolName, SchoolYear LastYearThere, SchoolYear FirstYearHere)
{
    /// <summary>
    /// The record at another school of the board that is this same child: the same first name, last name and date of
    /// birth, and a guardian in common (guardians are the board's, so a school of another board never matches), enrolled
    /// there last in a year before this record's first year here and not after it. Only where the board lets the handover
    /// follow the student; null otherwise, so nobody here reads anything of it.
    /// </summary>
    public static async Task<BoardTransfer?> IntoAsync(AppDbContext db, Guid studentId, CancellationToken ct)
    {
        var here = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Join(db.Schools, s => s.SchoolId, x => x.Id, (s, x) => new { Student = s, x.BoardId })
            .Join(db.Boards, s => s.BoardId, b => b.Id, (s, b) => new { s.Student, s.BoardId, b.HandoverFollowsStudent })
            .FirstOrDefaultAsync(ct);
        if (here is not { HandoverFollowsStudent: true, Student.DateOfBirth: not null })
        {
            return null;
        }
        var firstHere = await db.Enrollments.AsNoTracking().Where(e => e.StudentId == studentId)
            .Join(db.SchoolYears, e => e.SchoolYearId, y => y.Id, (e, y) => y).OrderBy(y => y.StartsOn).FirstOrDefaultAsync(ct);
        if (firstHere is null)
        {
            return null;
        }
        var s = here.Student;
        var guardians = db.Guardianships.Where(g => g.StudentId == studentId).Select(g => g.GuardianId);
        var candidates = await db.Students.AsNoTracking()
            .Where(o => o.SchoolId != s.SchoolId && o.FirstName == s.FirstName && o.LastName == s.LastName && o.DateOfBirth == s.DateOfBirth
                        && db.Guardianships.Any(g => g.StudentId == o.Id && guardians.Contains(g.GuardianId)))
            .Join(db.Schools.Where(x => x.BoardId == here.BoardId), o => o.SchoolId, x => x.Id, (o, x) => new { o.Id, SchoolId = x.Id, x.Name })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return null;
        }
        var ids = candidates.Select(c => c.Id).ToList();
        var years = await db.Enrollments.AsNoTracking().Where(e => ids.Contains(e.StudentId))
            .Join(db.SchoolYears, e => e.SchoolYearId, y => y.Id, (e, y) => new { e.StudentId, Year = y }).ToListAsync(ct);
        return candidates
            .Select(c => (c, Last: years.Where(y => y.StudentId == c.Id).Select(y => y.Year).MaxBy(y => y.StartsOn)))
            .Where(x => x.Last is not null && x.Last.EndsOn < firstHere.StartsOn)
            .OrderByDescending(x => x.Last!.StartsOn)
            .Select(x => new BoardTransfer(x.c.Id, x.c.SchoolId, x.c.Name, x.Last!, firstHere))
            .FirstOrDefault();
    }
}
