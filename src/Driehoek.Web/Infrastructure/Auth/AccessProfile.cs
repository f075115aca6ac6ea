using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Infrastructure.Auth;

public sealed record GuardianLink(Guid StudentId, Guid SchoolId, Guid GuardianId, Guid? HouseholdId, bool HasParentalAuthority);

public sealed record StaffLink(Guid StaffMemberId, Guid SchoolId, StaffRole Role, Guid? GroupId, int? Level);

/// <summary>Everything that decides what one user may see: their children, own student records, staff roles, boards.</summary>
public sealed record AccessProfile(
    Guid? UserId,
    IReadOnlyDictionary<Guid, GuardianLink> Children,
    IReadOnlySet<Guid> OwnStudentIds,
    IReadOnlyList<StaffLink> Staff,
    IReadOnlySet<Guid> AdminBoardIds)
{
    public static readonly AccessProfile Anonymous = new(null, new Dictionary<Guid, GuardianLink>(),
        new HashSet<Guid>(), [], new HashSet<Guid>());

    private static readonly StaffRole[] SchoolWideRoles =
    [
        StaffRole.CareCoordinator, StaffRole.YearCoordinator, StaffRole.DepartmentHead,
        StaffRole.SchoolLeader, StaffRole.Administrator,
    ];

    public bool IsGuardian => Children.Count > 0;
    public bool IsStudent => OwnStudentIds.Count > 0;
    public bool IsStaff => Staff.Count > 0;
    public bool IsBoardAdmin => AdminBoardIds.Count > 0;

    public bool TeachesGroup(Guid groupId) => Staff.Any(s => s.GroupId == groupId);

    /// <summary>A school-wide role; a year coordinator or department head with a level sees only that level.</summary>
    public bool SeesSchoolLevel(Guid schoolId, int? level) => Staff.Any(s =>
        s.SchoolId == schoolId && s.GroupId is null && SchoolWideRoles.Contains(s.Role)
        && (s.Level is null || s.Level == level));

    /// <summary>Any school-wide role at the school, whatever its level.</summary>
    public bool HasSchoolWideRole(Guid schoolId) => Staff.Any(s =>
        s.SchoolId == schoolId && s.GroupId is null && SchoolWideRoles.Contains(s.Role));

    public bool ManagesSchool(Guid schoolId) => Staff.Any(s =>
        s.SchoolId == schoolId && s.Role is StaffRole.SchoolLeader or StaffRole.Administrator);

    public IEnumerable<Guid> StaffSchoolIds => Staff.Select(s => s.SchoolId).Distinct();

    // Compiled once: every request loads a profile, so LINQ translation is not paid again each time.
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, IAsyncEnumerable<GuardianLink>>> ChildrenOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId) => db.Guardians.AsNoTracking().Where(g => g.UserId == userId)
            .Join(db.Guardianships, g => g.Id, gs => gs.GuardianId,
                (g, gs) => new GuardianLink(gs.StudentId, gs.SchoolId, g.Id, g.HouseholdId, gs.HasParentalAuthority))));

    private static readonly CompiledPerModel<Func<AppDbContext, Guid, IAsyncEnumerable<Guid>>> OwnStudentsOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId) => db.Students.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Id)));

    private static readonly CompiledPerModel<Func<AppDbContext, Guid, IAsyncEnumerable<StaffLink>>> StaffOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId) => db.StaffMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.StaffAssignments, m => m.Id, a => a.StaffMemberId,
                (m, a) => new StaffLink(m.Id, a.SchoolId, a.Role, a.GroupId, a.Level))));

    private static readonly CompiledPerModel<Func<AppDbContext, Guid, IAsyncEnumerable<Guid>>> BoardsOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId) => db.BoardAdmins.AsNoTracking().Where(b => b.UserId == userId).Select(b => b.BoardId)));

    public static async Task<AccessProfile> LoadAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var children = await ChildrenOf.For(db)(db, userId).ListAsync(ct);
        var own = await OwnStudentsOf.For(db)(db, userId).ListAsync(ct);
        var staff = await StaffOf.For(db)(db, userId).ListAsync(ct);
        var boards = await BoardsOf.For(db)(db, userId).ListAsync(ct);

        // A student with two guardian records (say, after a re-import) keeps the widest access.
        var byStudent = children.GroupBy(c => c.StudentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.HasParentalAuthority).First());
        return new AccessProfile(userId, byStudent, own.ToHashSet(), staff, boards.ToHashSet());
    }
}
