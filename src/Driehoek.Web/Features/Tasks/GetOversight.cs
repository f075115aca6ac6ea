using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Tasks;

/// <summary>One staff member's tasks this school year: open, overdue, done, and done by the due date.</summary>
public sealed record StaffLoad(Guid StaffId, string Name, int Open, int Overdue, int Done, int DoneOnTime);

/// <summary>One group's families the mentor has not reached in the window yet.</summary>
public sealed record GroupReach(Guid GroupId, string GroupName, string? MentorName, int Families, int NotContacted);

public sealed record Oversight(Guid SchoolId, string SchoolName, IReadOnlyList<int>? Levels, DateOnly WindowStart, DateOnly WindowEnd,
    IReadOnlyList<StaffLoad> Staff, IReadOnlyList<GroupReach> Groups, int Done, int DoneOnTime);

/// <summary>
/// Who is behind: per staff member their overdue tasks, and per group the families not yet contacted in the window,
/// so the year coordinator, department head or leader can support the mentors who struggle. One with a level sees
/// that level's groups and the tasks about them.
/// </summary>
public sealed class GetOversight(AppDbContext db, Access access, NotContacted notContacted, TimeProvider clock)
{
    private static readonly StaffRole[] Overseers = [StaffRole.YearCoordinator, StaffRole.DepartmentHead, StaffRole.SchoolLeader, StaffRole.Administrator];

    /// <summary>The year levels someone oversees at a school; null for all (levels limit only someone whose every overseeing role has one).</summary>
    public static List<int>? OverseenLevels(AccessProfile profile, Guid schoolId)
    {
        var roles = profile.Staff.Where(s => s.SchoolId == schoolId && s.GroupId is null && Overseers.Contains(s.Role)).ToList();
        return roles.Count > 0 && roles.All(r => r.Level is not null) ? roles.Select(r => r.Level!.Value).Distinct().ToList() : null;
    }

    public async Task<Result<Oversight>> HandleAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.TaskOversight, Act.View, Target.School(schoolId), ct))
        {
            return Result<Oversight>.NotFound();
        }
        var levels = OverseenLevels(await access.ProfileAsync(ct), schoolId);
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var today = SchoolCalendar.Today(clock);
        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, today, ct);
        var yearId = year?.Id ?? Guid.Empty;
        var yearStart = SchoolCalendar.ToUtc((year?.StartsOn ?? today).ToDateTime(TimeOnly.MinValue));
        var groupQuery = db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearId == yearId);
        if (levels is not null)
        {
            groupQuery = groupQuery.Where(g => g.Level != null && levels.Contains(g.Level.Value));
        }
        var groups = await groupQuery.OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();

        var taskQuery = db.Set<StaffTask>().AsNoTracking().Where(t => t.SchoolId == schoolId && t.CreatedAt >= yearStart);
        if (levels is not null)
        {
            taskQuery = taskQuery.Where(t => t.GroupId != null && groupIds.Contains(t.GroupId.Value));
        }
        var tasks = await taskQuery.Select(t => new { t.OwnerId, t.State, t.DueOn, t.DoneAt }).ToListAsync(ct);
        bool OnTime(DateTime? doneAt, DateOnly due) => doneAt is { } at && DateOnly.FromDateTime(SchoolCalendar.ToLocal(at)) <= due;
        var ownerIds = tasks.Select(t => t.OwnerId).Distinct().ToList();
        var names = (await db.StaffMembers.AsNoTracking().Where(m => ownerIds.Contains(m.Id))
                .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName));
        var staff = tasks.GroupBy(t => t.OwnerId).Select(g => new StaffLoad(g.Key, names.GetValueOrDefault(g.Key) ?? "",
                g.Count(t => t.State == TaskState.Open), g.Count(t => t.State == TaskState.Open && t.DueOn < today),
                g.Count(t => t.State == TaskState.Done), g.Count(t => t.State == TaskState.Done && OnTime(t.DoneAt, t.DueOn))))
            .OrderByDescending(s => s.Overdue).ThenByDescending(s => s.Open).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();

        var window = ContactWindow.Of(await ContactRulesStore.ForAsync(db, schoolId, ct), today);
        var waiting = await notContacted.InGroupsAsync(schoolId, groupIds, ContactWindow.StartUtc(window.Start), ct);
        var sizes = await db.Enrollments.AsNoTracking().Where(e => groupIds.Contains(e.GroupId))
            .GroupBy(e => e.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var mentors = (await db.StaffAssignments.AsNoTracking().Where(a => a.Role == StaffRole.Mentor && a.GroupId != null && groupIds.Contains(a.GroupId.Value))
                .Join(db.StaffMembers, a => a.StaffMemberId, m => m.Id, (a, m) => new { GroupId = a.GroupId!.Value, m.FirstName, m.LastNamePrefix, m.LastName })
                .ToListAsync(ct))
            .GroupBy(m => m.GroupId).ToDictionary(g => g.Key, g => PersonName.Format(g.First().FirstName, g.First().LastNamePrefix, g.First().LastName));
        var reach = groups.Select(g => new GroupReach(g.Id, g.Name, mentors.GetValueOrDefault(g.Id), sizes.GetValueOrDefault(g.Id),
                waiting.Count(w => w.GroupId == g.Id)))
            .OrderByDescending(r => r.NotContacted).ThenBy(r => r.GroupName, StringComparer.CurrentCulture).ToList();
        return new Oversight(schoolId, school, levels, window.Start, window.End, staff, reach,
            staff.Sum(s => s.Done), staff.Sum(s => s.DoneOnTime));
    }
}
