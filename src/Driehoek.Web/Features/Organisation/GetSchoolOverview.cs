using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Permissions;
using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Features.Organisation;

public sealed record GroupLine(Guid Id, string Name, int? Level, int Students, IReadOnlyList<string> Teachers);

public sealed record SchoolOverview(
    Guid Id,
    string Name,
    SchoolKind Kind,
    bool IsDemo,
    bool CanManage,
    string? YearName,
    int Students,
    int Guardians,
    int GuardiansWithAccount,
    int Staff,
    int StaffWithAccount,
    IReadOnlyList<GroupLine> Groups);

/// <summary>The school at a glance, for its leaders and school-wide staff.</summary>
public sealed class GetSchoolOverview(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<SchoolOverview>> HandleAsync(Guid schoolId, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        var profile = await access.ProfileAsync(ct);
        if (school is null || !await access.MayAsync(Resource.School, Act.View, Target.School(schoolId), ct))
        {
            return Result<SchoolOverview>.NotFound();
        }

        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, SchoolCalendar.Today(clock), ct);
        // A year coordinator sees the groups of their own years: the matrix decides per group.
        var groups = (year is null ? [] : await GroupLinesAsync(db, year.Id, ct))
            .Where(g => AccessMatrix.Allows(Resource.Group, Act.View, Relations.ToGroup(profile, new GroupFacts(g.Id, schoolId, g.Level, school.BoardId))))
            .ToList();
        // Each count of people and their accounts is one pass over the school's links or staff, not two.
        var guardianIds = db.Guardianships.Where(g => g.SchoolId == schoolId).Select(g => g.GuardianId);
        var parents = await db.Guardians.AsNoTracking().Where(g => guardianIds.Contains(g.Id))
            .GroupBy(_ => 1).Select(p => new { All = p.Count(), WithAccount = p.Count(g => g.UserId != null) }).SingleOrDefaultAsync(ct);
        var staffCounts = await db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == schoolId)
            .GroupBy(_ => 1).Select(p => new { All = p.Count(), WithAccount = p.Count(m => m.UserId != null) }).SingleOrDefaultAsync(ct);
        var (guardians, withAccount) = (parents?.All ?? 0, parents?.WithAccount ?? 0);
        var (staff, staffWithAccount) = (staffCounts?.All ?? 0, staffCounts?.WithAccount ?? 0);

        return new SchoolOverview(school.Id, school.Name, school.Kind, school.IsDemo,
            await access.MayAsync(Resource.Rounds, Act.Change, Target.School(schoolId), ct), year?.Name,
            groups.Sum(g => g.Students), guardians, withAccount, staff, staffWithAccount, groups);
    }

    internal static async Task<List<GroupLine>> GroupLinesAsync(AppDbContext db, Guid yearId, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolYearId == yearId)
            .Select(g => new { g.Id, g.Name, g.Level, Students = db.Enrollments.Count(e => e.GroupId == g.Id) })
            .ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var teachers = await db.StaffAssignments.AsNoTracking()
            .Where(a => a.GroupId != null && ids.Contains(a.GroupId.Value)
                        && (a.Role == StaffRole.GroupTeacher || a.Role == StaffRole.Mentor))
            .Join(db.StaffMembers, a => a.StaffMemberId, m => m.Id,
                (a, m) => new { a.GroupId, m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct);
        var teachersOf = teachers.ToLookup(t => t.GroupId);
        return groups
            .OrderBy(g => g.Level).ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GroupLine(g.Id, g.Name, g.Level, g.Students,
                teachersOf[g.Id].Select(t => PersonName.Format(t.FirstName, t.LastNamePrefix, t.LastName))
                    .Distinct().Order().ToList()))
            .ToList();
    }
}
