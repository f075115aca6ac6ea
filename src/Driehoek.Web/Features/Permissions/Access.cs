using System.Security.Claims;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Features.Permissions;

/// <summary>
/// Answers "may the signed-in person see or do this to this resource?". Handlers ask it after
/// loading the resource; hiding a link is never the check. Loaded once per request.
/// </summary>
public sealed class Access(IHttpContextAccessor http, AppDbContext db)
{
    private AccessProfile? _profile;

    public Guid? UserId =>
        Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<AccessProfile> ProfileAsync(CancellationToken ct = default)
    {
        if (_profile is not null)
        {
            return _profile;
        }
        _profile = UserId is { } userId ? await AccessProfile.LoadAsync(db, userId, ct) : AccessProfile.Anonymous;
        return _profile;
    }

    public async Task<bool> CanViewStudentAsync(Guid studentId, CancellationToken ct = default)
    {
        var p = await ProfileAsync(ct);
        if (p.Children.ContainsKey(studentId) || p.OwnStudentIds.Contains(studentId))
        {
            return true;
        }
        return await CanViewStudentAsStaffAsync(studentId, ct);
    }

    /// <summary>Staff who teach the student's group, see its school, or run its board.</summary>
    public async Task<bool> CanViewStudentAsStaffAsync(Guid studentId, CancellationToken ct = default)
    {
        var p = await ProfileAsync(ct);
        if (!p.IsStaff && p.AdminBoardIds.Count == 0)
        {
            return false;
        }
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.SchoolId }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return false;
        }
        var groups = await db.Enrollments.AsNoTracking().Where(e => e.StudentId == studentId)
            .Join(db.Groups, e => e.GroupId, g => g.Id, (e, g) => new { g.Id, g.Level }).ToListAsync(ct);
        var boardId = await BoardOfSchoolAsync(student.SchoolId, ct);
        return groups.Any(g => p.TeachesGroup(g.Id) || p.SeesSchoolLevel(student.SchoolId, g.Level))
               || p.SeesSchoolLevel(student.SchoolId, null)
               || p.AdminBoardIds.Contains(boardId);
    }

    public async Task<bool> CanViewGroupAsync(Guid groupId, CancellationToken ct = default)
    {
        var p = await ProfileAsync(ct);
        if (p.TeachesGroup(groupId))
        {
            return true;
        }
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.SchoolId, g.Level }).FirstOrDefaultAsync(ct);
        if (group is null)
        {
            return false;
        }
        return p.SeesSchoolLevel(group.SchoolId, group.Level)
               || p.AdminBoardIds.Contains(await BoardOfSchoolAsync(group.SchoolId, ct));
    }

    /// <summary>Any staff member of the school, or an admin of its board.</summary>
    public async Task<bool> IsStaffOfSchoolAsync(Guid schoolId, CancellationToken ct = default)
    {
        var p = await ProfileAsync(ct);
        return p.Staff.Any(s => s.SchoolId == schoolId)
               || p.AdminBoardIds.Contains(await BoardOfSchoolAsync(schoolId, ct));
    }

    /// <summary>School leaders and administrators of the school, or an admin of its board.</summary>
    public async Task<bool> CanManageSchoolAsync(Guid schoolId, CancellationToken ct = default)
    {
        var p = await ProfileAsync(ct);
        return p.ManagesSchool(schoolId) || p.AdminBoardIds.Contains(await BoardOfSchoolAsync(schoolId, ct));
    }

    /// <summary>
    /// A care coordinator of the school, where the school lets the care coordinator read families' preparation
    /// answers and booking topics (<see cref="School.CareCoordinatorReadsPreparations"/>). Read only.
    /// </summary>
    public async Task<bool> CanReadPreparationsAsCareCoordinatorAsync(Guid schoolId, CancellationToken ct = default)
    {
        var p = await ProfileAsync(ct);
        return p.Staff.Any(s => s.SchoolId == schoolId && s.Role == StaffRole.CareCoordinator)
               && await db.Schools.AsNoTracking().AnyAsync(s => s.Id == schoolId && s.CareCoordinatorReadsPreparations, ct);
    }

    public async Task<bool> CanViewBoardAsync(Guid boardId, CancellationToken ct = default) =>
        (await ProfileAsync(ct)).AdminBoardIds.Contains(boardId);

    private async Task<Guid> BoardOfSchoolAsync(Guid schoolId, CancellationToken ct) =>
        await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.BoardId).FirstOrDefaultAsync(ct);
}
