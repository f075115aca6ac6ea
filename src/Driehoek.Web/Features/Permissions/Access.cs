using System.Security.Claims;
using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Features.Permissions;

/// <summary>The resource a question is about: its scope and id.</summary>
public readonly record struct Target(Scope Scope, Guid Id)
{
    public static Target Self => new(Scope.Self, Guid.Empty);
    public static Target Student(Guid id) => new(Scope.Student, id);
    public static Target Group(Guid id) => new(Scope.Group, id);
    public static Target School(Guid id) => new(Scope.School, id);
    public static Target Board(Guid id) => new(Scope.Board, id);
    public static Target StaffMember(Guid id) => new(Scope.StaffMember, id);
}

/// <summary>
/// Answers "may the signed-in person do this to this resource?" by working out how they relate to it
/// and asking the <see cref="AccessMatrix"/>. Handlers ask after loading the resource; hiding a link is
/// never the check. The profile is loaded once per request.
/// </summary>
public sealed class Access(IHttpContextAccessor http, AppDbContext db, TimeProvider clock)
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

    /// <summary>May the signed-in person do <paramref name="act"/> to the resource? A cell the school's setting decides opens where it allows.</summary>
    public async Task<bool> MayAsync(Resource resource, Act act, Target target, CancellationToken ct = default)
    {
        var relations = await RelationsAsync(target, ct);
        return await PermitsAsync(resource, act, relations, _schoolOf.GetValueOrDefault(target), ct);
    }

    /// <summary>
    /// The matrix's answer for these relations (which a feature may have widened, say with the household of a
    /// booking), with the school's settings applied to a conditional cell.
    /// </summary>
    public async Task<bool> PermitsAsync(Resource resource, Act act, IReadOnlySet<Relation> relations, Guid? schoolId, CancellationToken ct = default)
    {
        var row = AccessMatrix.RowOf(resource, act);
        if (row.Allowed.Overlaps(relations))
        {
            return true;
        }
        if (schoolId is not { } id || !row.IfSchoolAllows.Overlaps(relations))
        {
            return false;
        }
        if (!_allowances.TryGetValue(id, out var school))
        {
            school = _allowances[id] = await db.Schools.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new SchoolAllowance(s.LimitedGuardianAccess, s.CareCoordinatorReadsPreparations)).FirstOrDefaultAsync(ct);
        }
        return school is not null
               && ((relations.Contains(Relation.CareCoordinator) && row.IfSchoolAllows.Contains(Relation.CareCoordinator)
                    && school.CareCoordinatorReadsPreparations)
                   || (relations.Contains(Relation.GuardianWithoutAuthority) && row.IfSchoolAllows.Contains(Relation.GuardianWithoutAuthority)
                       && school.LimitedGuardianAccess.HasFlag(AccessMatrix.GuardianPurposeOf(resource))));
    }

    private readonly Dictionary<Target, Guid> _schoolOf = new();

    /// <summary>A school's settings that open conditional cells, read once per request per school.</summary>
    private sealed record SchoolAllowance(Organisation.LimitedGuardianAccess LimitedGuardianAccess, bool CareCoordinatorReadsPreparations);

    private readonly Dictionary<Guid, SchoolAllowance?> _allowances = new();

    /// <summary>How the signed-in person relates to the target; empty when they do not at all (or it does not exist).</summary>
    public async Task<IReadOnlySet<Relation>> RelationsAsync(Target target, CancellationToken ct = default)
    {
        var p = await ProfileAsync(ct);
        if (p.UserId is null)
        {
            return Relations.None;
        }
        switch (target.Scope)
        {
            case Scope.Self:
                return Relations.SignedIn;
            case Scope.Student:
                var student = await db.Students.AsNoTracking().Where(s => s.Id == target.Id)
                    .Join(db.Schools, s => s.SchoolId, x => x.Id, (s, x) => new { s.SchoolId, x.BoardId, x.LastYearReadDays }).FirstOrDefaultAsync(ct);
                if (student is null)
                {
                    return Relations.None;
                }
                _schoolOf[target] = student.SchoolId;
                var today = Organisation.SchoolCalendar.Today(clock);
                var enrolled = await db.Enrollments.AsNoTracking().Where(e => e.StudentId == target.Id)
                    .Join(db.Groups, e => e.GroupId, g => g.Id, (e, g) => g)
                    .Join(db.SchoolYears, g => g.SchoolYearId, y => y.Id, (g, y) => new
                    {
                        g.Id, g.SchoolId, g.Level, y.EndsOn, Newer = db.SchoolYears.Any(n => n.SchoolId == y.SchoolId && n.StartsOn > y.StartsOn),
                    }).ToListAsync(ct);
                var groups = enrolled.Select(g => new GroupFacts(g.Id, g.SchoolId, g.Level, student.BoardId,
                    LastYear.Lapsed(g.EndsOn, g.Newer, student.LastYearReadDays, today)));
                return Relations.ToStudent(p, target.Id, student.SchoolId, student.BoardId, groups);
            case Scope.Group:
                var group = (await GroupFactsAsync([target.Id], ct)).GetValueOrDefault(target.Id);
                if (group is null)
                {
                    return Relations.None;
                }
                _schoolOf[target] = group.SchoolId;
                return Relations.ToGroup(p, group);
            case Scope.School:
                var board = await BoardOfSchoolAsync(target.Id, ct);
                if (board is null)
                {
                    return Relations.None;
                }
                _schoolOf[target] = target.Id;
                return Relations.ToSchool(p, target.Id, board.Value);
            case Scope.Board:
                return p.AdminBoardIds.Contains(target.Id) ? new HashSet<Relation> { Relation.BoardAdmin } : Relations.None;
            case Scope.StaffMember:
                var member = await db.StaffMembers.AsNoTracking().Where(m => m.Id == target.Id)
                    .Join(db.Schools, m => m.SchoolId, x => x.Id, (m, x) => new { m.SchoolId, m.UserId, x.BoardId }).FirstOrDefaultAsync(ct);
                if (member is null)
                {
                    return Relations.None;
                }
                _schoolOf[target] = member.SchoolId;
                var toMember = new HashSet<Relation>(Relations.ToSchool(p, member.SchoolId, member.BoardId));
                if (member.UserId is not null && member.UserId == p.UserId)
                {
                    toMember.Add(Relation.OwnStaffRecord);
                }
                return toMember;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Scope, "Bookings relate through their feature (BookingOwner).");
        }
    }

    /// <summary>
    /// Groups as access sees them, each with whether its school year has lapsed for last year's staff (<see cref="LastYear"/>);
    /// one query for a list of groups.
    /// </summary>
    public async Task<Dictionary<Guid, GroupFacts>> GroupFactsAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken ct)
    {
        var today = Organisation.SchoolCalendar.Today(clock);
        var rows = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Join(db.Schools, g => g.SchoolId, x => x.Id, (g, x) => new { g.Id, g.SchoolId, g.Level, g.SchoolYearId, x.BoardId, x.LastYearReadDays })
            .Join(db.SchoolYears, g => g.SchoolYearId, y => y.Id, (g, y) => new
            {
                g.Id, g.SchoolId, g.Level, g.BoardId, g.LastYearReadDays, y.EndsOn,
                Newer = db.SchoolYears.Any(n => n.SchoolId == y.SchoolId && n.StartsOn > y.StartsOn),
            }).ToListAsync(ct);
        return rows.ToDictionary(g => g.Id, g => new GroupFacts(g.Id, g.SchoolId, g.Level, g.BoardId,
            LastYear.Lapsed(g.EndsOn, g.Newer, g.LastYearReadDays, today)));
    }

    private async Task<Guid?> BoardOfSchoolAsync(Guid schoolId, CancellationToken ct) =>
        await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => (Guid?)s.BoardId).FirstOrDefaultAsync(ct);
}

/// <summary>
/// A group as far as access cares: where it is and which level. <paramref name="Lapsed"/>: a group of a school year
/// that ended longer ago than the school lets last year's staff read (see <see cref="LastYear"/>).
/// </summary>
public sealed record GroupFacts(Guid Id, Guid SchoolId, int? Level, Guid BoardId, bool Lapsed = false);

/// <summary>
/// After the rollover (Features/Rollover) last year's group teachers, mentors, subject teachers and level staff keep
/// reading last year's students only for the days the school sets after the year's end; a year with no newer year
/// after it is still the school's year, however long ago it ended.
/// </summary>
public static class LastYear
{
    public static bool Lapsed(DateOnly yearEndsOn, bool newerYearExists, int? readDaysSetting, DateOnly today) =>
        newerYearExists && yearEndsOn.AddDays(Organisation.School.ReadDaysOf(readDaysSetting)) < today;
}

/// <summary>
/// Works out relations from a profile and a few facts about the resource, without going to the database,
/// so a list can decide per row without a query per row.
/// </summary>
public static class Relations
{
    public static readonly IReadOnlySet<Relation> None = new HashSet<Relation>();
    public static readonly IReadOnlySet<Relation> SignedIn = new HashSet<Relation> { Relation.SignedIn };

    public static IReadOnlySet<Relation> ToSchool(AccessProfile p, Guid schoolId, Guid boardId)
    {
        var result = new HashSet<Relation>();
        foreach (var s in p.Staff.Where(s => s.SchoolId == schoolId))
        {
            result.Add(Relation.StaffOfSchool);
            if (s.GroupId is null && SchoolWide(s.Role) is { } role)
            {
                result.Add(role);
            }
        }
        if (p.AdminBoardIds.Contains(boardId))
        {
            result.Add(Relation.BoardAdmin);
        }
        return result;
    }

    public static IReadOnlySet<Relation> ToGroup(AccessProfile p, GroupFacts group)
    {
        var result = new HashSet<Relation>();
        AddGroupRelations(p, group, result);
        return result;
    }

    public static IReadOnlySet<Relation> ToStudent(AccessProfile p, Guid studentId, Guid schoolId, Guid boardId, IEnumerable<GroupFacts> groups)
    {
        var result = new HashSet<Relation>();
        if (p.Children.TryGetValue(studentId, out var link))
        {
            result.Add(link.HasParentalAuthority ? Relation.Guardian : Relation.GuardianWithoutAuthority);
        }
        if (p.OwnStudentIds.Contains(studentId))
        {
            result.Add(Relation.Student);
        }
        var any = false;
        foreach (var group in groups)
        {
            AddGroupRelations(p, group, result);
            any = true;
        }
        if (!any)
        {
            // A student without a group this year still belongs to the school: school-wide staff without a level relate.
            AddGroupRelations(p, new GroupFacts(Guid.Empty, schoolId, null, boardId), result);
        }
        return result;
    }

    /// <summary>Group roles for the group itself; school-wide roles where their level (if any) is the group's.</summary>
    private static void AddGroupRelations(AccessProfile p, GroupFacts group, HashSet<Relation> result)
    {
        foreach (var s in p.Staff.Where(s => s.SchoolId == group.SchoolId))
        {
            result.Add(Relation.StaffOfSchool);
            if (s.GroupId is { } groupId)
            {
                if (groupId == group.Id && !group.Lapsed)
                {
                    result.Add(s.Role switch
                    {
                        StaffRole.GroupTeacher => Relation.GroupTeacher,
                        StaffRole.Mentor => Relation.Mentor,
                        _ => Relation.SubjectTeacher,
                    });
                }
            }
            else if (SchoolWide(s.Role) is { } role && (s.Level is null || (!group.Lapsed && s.Level == group.Level)))
            {
                result.Add(role);
            }
        }
        if (p.AdminBoardIds.Contains(group.BoardId))
        {
            result.Add(Relation.BoardAdmin);
        }
    }

    private static Relation? SchoolWide(StaffRole role) => role switch
    {
        StaffRole.CareCoordinator => Relation.CareCoordinator,
        StaffRole.YearCoordinator => Relation.YearCoordinator,
        StaffRole.DepartmentHead => Relation.DepartmentHead,
        StaffRole.SchoolLeader => Relation.SchoolLeader,
        StaffRole.Administrator => Relation.Administrator,
        _ => null,
    };
}
