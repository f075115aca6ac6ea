using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.People;

public sealed record ChildTeacher(string Name, StaffRole Role, string? Subject);

/// <summary>
/// What a guardian sees of their child. A guardian without parental authority sees only what the
/// school allows (<see cref="LimitedGuardianAccess"/>); <see cref="Limited"/> tells the page to say so.
/// </summary>
public sealed record ChildView(
    Guid Id, string Name, Guid SchoolId, string SchoolName, SchoolKind SchoolKind, string? GroupName,
    bool Limited, IReadOnlyList<ChildTeacher> Teachers);

public sealed class GetChild(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<ChildView>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        if (!await access.MayAsync(Resource.Child, Act.View, Target.Student(studentId), ct))
        {
            return Result<ChildView>.NotFound();
        }
        return (await LoadAsync(db, clock, [studentId], profile, ct)).Single();
    }

    /// <summary>Loads several children at once (the parent's home page shows them all).</summary>
    internal static async Task<List<ChildView>> LoadAsync(
        AppDbContext db, TimeProvider clock, IReadOnlyCollection<Guid> studentIds, Permissions.AccessProfile profile, CancellationToken ct)
    {
        var today = SchoolCalendar.Today(clock);
        var students = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id))
            .Join(db.Schools, s => s.SchoolId, sc => sc.Id, (s, sc) => new { s, sc }).ToListAsync(ct);
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => studentIds.Contains(e.StudentId))
            .Join(db.SchoolYears, e => e.SchoolYearId, y => y.Id, (e, y) => new { e.StudentId, e.GroupId, y.StartsOn, y.EndsOn })
            .ToListAsync(ct);
        var current = enrollments.GroupBy(e => e.StudentId).ToDictionary(g => g.Key,
            g => g.FirstOrDefault(e => e.StartsOn <= today && today <= e.EndsOn) ?? g.MaxBy(e => e.StartsOn)!);
        var groupIds = current.Values.Select(e => e.GroupId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var teachers = await db.StaffAssignments.AsNoTracking()
            .Where(a => a.GroupId != null && groupIds.Contains(a.GroupId.Value))
            .Join(db.StaffMembers, a => a.StaffMemberId, m => m.Id, (a, m) => new { a.GroupId, a.Role, a.Subject, m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct);

        return students.OrderBy(x => x.s.DateOfBirth).ThenBy(x => x.s.FirstName).Select(x =>
        {
            var limited = profile.Children.TryGetValue(x.s.Id, out var link) && !link.HasParentalAuthority;
            var showGroup = FamilyContacts.MayBeTold(!limited, x.sc.LimitedGuardianAccess, LimitedGuardianAccess.GroupAndTeachers);
            current.TryGetValue(x.s.Id, out var enrollment);
            var groupId = enrollment?.GroupId;
            return new ChildView(x.s.Id, x.s.FullName, x.sc.Id, x.sc.Name, x.sc.Kind,
                showGroup && groupId is { } gid ? groups.GetValueOrDefault(gid) : null,
                limited,
                showGroup
                    ? teachers.Where(t => t.GroupId == groupId)
                        .OrderBy(t => t.Role).ThenBy(t => t.Subject)
                        .Select(t => new ChildTeacher(PersonName.Format(t.FirstName, t.LastNamePrefix, t.LastName), t.Role, t.Subject))
                        .ToList()
                    : []);
        }).ToList();
    }
}
