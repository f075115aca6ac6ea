using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Features.Permissions;

public sealed record GuardianLink(Guid StudentId, Guid SchoolId, Guid GuardianId, Guid? HouseholdId, bool HasParentalAuthority);

public sealed record StaffLink(Guid StaffMemberId, Guid SchoolId, StaffRole Role, Guid? GroupId, int? Level);

/// <summary>
/// Everything that decides what one user may see: their children, own student records, staff roles, boards;
/// and whether one of those roles needs a second sign-in step (the school's or board's setting).
/// </summary>
public sealed record AccessProfile(
    Guid? UserId,
    IReadOnlyDictionary<Guid, GuardianLink> Children,
    IReadOnlySet<Guid> OwnStudentIds,
    IReadOnlyList<StaffLink> Staff,
    IReadOnlySet<Guid> AdminBoardIds,
    bool RequiresTwoFactor = false)
{
    public static readonly AccessProfile Anonymous = new(null, new Dictionary<Guid, GuardianLink>(),
        new HashSet<Guid>(), [], new HashSet<Guid>());

    public bool IsGuardian => Children.Count > 0;
    public bool IsStudent => OwnStudentIds.Count > 0;
    public bool IsStaff => Staff.Count > 0;
    public bool IsBoardAdmin => AdminBoardIds.Count > 0;

    /// <summary>The group's own teacher or mentor (not a subject teacher of it).</summary>
    public bool LeadsGroup(Guid groupId) => Staff.Any(s => s.GroupId == groupId && s.Role is StaffRole.GroupTeacher or StaffRole.Mentor);

    public IReadOnlyList<Guid> LeadsGroupIds => Staff.Where(s => s.GroupId is not null && s.Role is StaffRole.GroupTeacher or StaffRole.Mentor)
        .Select(s => s.GroupId!.Value).ToList();

    public IEnumerable<Guid> StaffSchoolIds => Staff.Select(s => s.SchoolId).Distinct();

    /// <summary>One row of the profile query: what kind of link it is decides which columns mean something.</summary>
    private sealed class LinkRow
    {
        public int Kind { get; init; }
        public Guid Id { get; init; }
        public Guid? SchoolId { get; init; }
        public Guid? GuardianId { get; init; }
        public Guid? HouseholdId { get; init; }
        public bool HasParentalAuthority { get; init; }
        public StaffRole? Role { get; init; }
        public Guid? GroupId { get; init; }
        public int? Level { get; init; }
        /// <summary>The staff link's school setting, or the board admin link's board setting.</summary>
        public StaffRoles TwoFactorRoles { get; init; }
        public bool TwoFactorForAdmins { get; init; }
    }

    private const int ChildLink = 0, OwnStudentLink = 1, StaffLinkKind = 2, BoardLink = 3;

    // Every request loads a profile, so it is one round trip (four links, UNION ALL), compiled once per model.
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, IAsyncEnumerable<LinkRow>>> LinksOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId) => db.Guardians.AsNoTracking().Where(g => g.UserId == userId)
            .Join(db.Guardianships, g => g.Id, gs => gs.GuardianId, (g, gs) => new LinkRow
            {
                Kind = ChildLink, Id = gs.StudentId, SchoolId = gs.SchoolId, GuardianId = g.Id, HouseholdId = g.HouseholdId,
                HasParentalAuthority = gs.HasParentalAuthority, Role = null, GroupId = null, Level = null,
                TwoFactorRoles = StaffRoles.None, TwoFactorForAdmins = false,
            })
            .Concat(db.Students.AsNoTracking().Where(s => s.UserId == userId).Select(s => new LinkRow
            {
                Kind = OwnStudentLink, Id = s.Id, SchoolId = s.SchoolId, GuardianId = null, HouseholdId = null,
                HasParentalAuthority = false, Role = null, GroupId = null, Level = null,
                TwoFactorRoles = StaffRoles.None, TwoFactorForAdmins = false,
            }))
            .Concat(db.StaffMembers.AsNoTracking().Where(m => m.UserId == userId)
                .Join(db.StaffAssignments, m => m.Id, a => a.StaffMemberId, (m, a) => new { m.Id, a })
                .Join(db.Schools, x => x.a.SchoolId, s => s.Id, (x, s) => new LinkRow
                {
                    Kind = StaffLinkKind, Id = x.Id, SchoolId = x.a.SchoolId, GuardianId = null, HouseholdId = null,
                    HasParentalAuthority = false, Role = x.a.Role, GroupId = x.a.GroupId, Level = x.a.Level,
                    TwoFactorRoles = s.TwoFactorRoles, TwoFactorForAdmins = false,
                }))
            .Concat(db.BoardAdmins.AsNoTracking().Where(b => b.UserId == userId)
                .Join(db.Boards, b => b.BoardId, bd => bd.Id, (b, bd) => new LinkRow
                {
                    Kind = BoardLink, Id = b.BoardId, SchoolId = null, GuardianId = null, HouseholdId = null,
                    HasParentalAuthority = false, Role = null, GroupId = null, Level = null,
                    TwoFactorRoles = StaffRoles.None, TwoFactorForAdmins = bd.TwoFactorForAdmins,
                }))));

    public static async Task<AccessProfile> LoadAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var rows = await LinksOf.For(db)(db, userId).ListAsync(ct);
        var children = rows.Where(r => r.Kind == ChildLink)
            .Select(r => new GuardianLink(r.Id, r.SchoolId!.Value, r.GuardianId!.Value, r.HouseholdId, r.HasParentalAuthority));
        var own = rows.Where(r => r.Kind == OwnStudentLink).Select(r => r.Id);
        var staff = rows.Where(r => r.Kind == StaffLinkKind)
            .Select(r => new StaffLink(r.Id, r.SchoolId!.Value, r.Role!.Value, r.GroupId, r.Level)).ToList();
        var boards = rows.Where(r => r.Kind == BoardLink).Select(r => r.Id);
        var twoFactor = rows.Any(r => r.Kind == StaffLinkKind && r.TwoFactorRoles.Includes(r.Role!.Value)
                                      || r.Kind == BoardLink && r.TwoFactorForAdmins);

        // A student with two guardian records (say, after a re-import) keeps the widest access.
        var byStudent = children.GroupBy(c => c.StudentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.HasParentalAuthority).First());
        return new AccessProfile(userId, byStudent, own.ToHashSet(), staff, boards.ToHashSet(), twoFactor);
    }
}
