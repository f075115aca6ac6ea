using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Permissions;
using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Features.Organisation;

public sealed record RosterStudent(Guid Id, string ExternalId, string Name, int Guardians, int GuardiansWithAccount, bool HasAccount);

public sealed record StaffLine(Guid StaffMemberId, string Name, StaffRole Role, string? Subject);

public sealed record GroupRoster(
    Guid Id, string Name, int? Level, Guid SchoolId, string SchoolName, string YearName,
    IReadOnlyList<StaffLine> Staff, IReadOnlyList<RosterStudent> Students);

/// <summary>A group with its students and staff, for the people who teach it or oversee the school.</summary>
public sealed class GetGroupRoster(AppDbContext db, Access access)
{
    public async Task<Result<GroupRoster>> HandleAsync(Guid groupId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.Group, Act.View, Target.Group(groupId), ct))
        {
            return Result<GroupRoster>.NotFound();
        }
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
            .Join(db.Schools, g => g.SchoolId, s => s.Id, (g, s) => new { g, SchoolName = s.Name })
            .Join(db.SchoolYears, x => x.g.SchoolYearId, y => y.Id, (x, y) => new { x.g, x.SchoolName, YearName = y.Name })
            .SingleAsync(ct);

        var staff = await db.StaffAssignments.AsNoTracking().Where(a => a.GroupId == groupId)
            .Join(db.StaffMembers, a => a.StaffMemberId, m => m.Id, (a, m) => new { a, m })
            .ToListAsync(ct);
        var students = await db.Enrollments.AsNoTracking().Where(e => e.GroupId == groupId)
            .Join(db.Students, e => e.StudentId, s => s.Id, (e, s) => s)
            .Select(s => new
            {
                s.Id, s.ExternalId, s.FirstName, s.LastNamePrefix, s.LastName, HasAccount = s.UserId != null,
                Guardians = db.Guardianships.Count(x => x.StudentId == s.Id),
                WithAccount = db.Guardianships.Where(x => x.StudentId == s.Id)
                    .Join(db.Guardians, x => x.GuardianId, g => g.Id, (x, g) => g).Count(g => g.UserId != null),
            })
            .ToListAsync(ct);

        return new GroupRoster(group.g.Id, group.g.Name, group.g.Level, group.g.SchoolId, group.SchoolName, group.YearName,
            staff.OrderBy(x => x.a.Role).ThenBy(x => x.m.LastName)
                .Select(x => new StaffLine(x.m.Id, x.m.FullName, x.a.Role, x.a.Subject)).ToList(),
            students.OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
                .Select(s => new RosterStudent(s.Id, s.ExternalId, PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName),
                    s.Guardians, s.WithAccount, s.HasAccount)).ToList());
    }
}
