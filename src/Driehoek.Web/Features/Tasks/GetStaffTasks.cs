using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Tasks;

/// <summary>A task line as a list shows it: with a "done" form where the reader may mark it.</summary>
public sealed record TaskLineView(TaskLine Line, bool CanComplete, Guid StaffId);

public sealed record TaskLine(Guid Id, StaffTask Task, string? StudentName, string? GroupName, string OwnerName, IReadOnlyList<string> NotContacted);

public sealed record StaffTaskList(Guid StaffId, string StaffName, Guid SchoolId, DateOnly Today,
    IReadOnlyList<TaskLine> Overdue, IReadOnlyList<TaskLine> DueToday, IReadOnlyList<TaskLine> Later,
    IReadOnlyList<TaskLine> Informed, IReadOnlyList<TaskLine> Done, TimeOnly QuietStart, TimeOnly QuietEnd, bool MayChange);

/// <summary>
/// A staff member's tasks: overdue, due today, later, the ones they are informed of, and the latest done. The owner
/// reads their own; a leader of the school reads anyone's, a year coordinator or department head those of the colleagues
/// who teach their levels (to support them).
/// </summary>
public sealed class GetStaffTasks(AppDbContext db, Access access, NotContacted notContacted, TimeProvider clock)
{
    private const int DoneListed = 50;

    /// <param name="staffId">Whose list; null: the signed-in person's own (their first staff record).</param>
    public async Task<Result<StaffTaskList>> HandleAsync(Guid? staffId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var id = staffId ?? profile.Staff.Select(s => (Guid?)s.StaffMemberId).FirstOrDefault();
        if (id is not { } who || !await access.MayAsync(Resource.StaffTasks, Act.View, Target.StaffMember(who), ct))
        {
            return Result<StaffTaskList>.NotFound();
        }
        var member = await db.StaffMembers.AsNoTracking().Where(m => m.Id == who).Select(m => new { m.SchoolId, m.FirstName, m.LastNamePrefix, m.LastName }).SingleAsync(ct);
        // A year coordinator or department head of some levels reads the lists of colleagues who teach those levels only.
        if (profile.Staff.All(s => s.StaffMemberId != who) && GetOversight.OverseenLevels(profile, member.SchoolId) is { } levels
            && !await db.StaffAssignments.Where(a => a.StaffMemberId == who && a.GroupId != null)
                .Join(db.Groups, a => a.GroupId, g => g.Id, (a, g) => g.Level).AnyAsync(l => l != null && levels.Contains(l.Value), ct))
        {
            return Result<StaffTaskList>.NotFound();
        }
        var today = SchoolCalendar.Today(clock);
        var tasks = await db.Set<StaffTask>().AsNoTracking()
            .Where(t => (t.OwnerId == who && t.State == TaskState.Open) || (t.InformedId == who && t.State == TaskState.Open))
            .OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).Take(1000).ToListAsync(ct);
        var done = await db.Set<StaffTask>().AsNoTracking().Where(t => t.OwnerId == who && t.State == TaskState.Done)
            .OrderByDescending(t => t.DoneAt).Take(DoneListed).ToListAsync(ct);
        var lines = await LinesAsync(member.SchoolId, tasks.Concat(done).ToList(), today, ct);
        var quiet = await db.Set<StaffQuietHours>().AsNoTracking().FirstOrDefaultAsync(q => q.StaffMemberId == who, ct);
        var open = lines.Where(l => l.Task.State == TaskState.Open && l.Task.OwnerId == who).ToList();
        return new StaffTaskList(who, PersonName.Format(member.FirstName, member.LastNamePrefix, member.LastName), member.SchoolId, today,
            open.Where(l => l.Task.DueOn < today).ToList(), open.Where(l => l.Task.DueOn == today).ToList(), open.Where(l => l.Task.DueOn > today).ToList(),
            lines.Where(l => l.Task.State == TaskState.Open && l.Task.InformedId == who && l.Task.OwnerId != who).ToList(),
            lines.Where(l => l.Task.State == TaskState.Done).ToList(),
            quiet?.Start ?? QuietHours.DefaultStart, quiet?.End ?? QuietHours.DefaultEnd,
            await access.MayAsync(Resource.StaffTasks, Act.Change, Target.StaffMember(who), ct));
    }

    /// <summary>Tasks with the names they are about; a window task with the families of its group not yet reached.</summary>
    public async Task<IReadOnlyList<TaskLine>> LinesAsync(Guid schoolId, IReadOnlyList<StaffTask> tasks, DateOnly today, CancellationToken ct)
    {
        var studentIds = tasks.Where(t => t.StudentId is not null).Select(t => t.StudentId!.Value).Distinct().ToList();
        var groupIds = tasks.Where(t => t.GroupId is not null).Select(t => t.GroupId!.Value).Distinct().ToList();
        var ownerIds = tasks.Select(t => t.OwnerId).Distinct().ToList();
        var students = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id))
            .Select(s => new { s.Id, s.FirstName, s.LastNamePrefix, s.LastName }).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var owners = await db.StaffMembers.AsNoTracking().Where(m => ownerIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct);
        var windowGroups = tasks.Where(t => t.Kind == TaskKind.MentorWindow && t.State == TaskState.Open && t.GroupId is not null)
            .Select(t => t.GroupId!.Value).Distinct().ToList();
        IReadOnlyList<NotContacted.Family> waiting = [];
        if (windowGroups.Count > 0)
        {
            var window = ContactWindow.Of(await ContactRulesStore.ForAsync(db, schoolId, ct), today);
            waiting = await notContacted.InGroupsAsync(schoolId, windowGroups, ContactWindow.StartUtc(window.Start), ct);
        }
        var studentNames = students.ToDictionary(s => s.Id, s => PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName));
        var ownerNames = owners.ToDictionary(s => s.Id, s => PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName));
        return tasks.Select(t => new TaskLine(t.Id, t,
            t.StudentId is { } s ? studentNames.GetValueOrDefault(s) : null,
            t.GroupId is { } g ? groups.GetValueOrDefault(g) : null,
            ownerNames.GetValueOrDefault(t.OwnerId) ?? "",
            t.Kind == TaskKind.MentorWindow && t.State == TaskState.Open
                ? waiting.Where(f => f.GroupId == t.GroupId).Select(f => f.StudentName).ToList() : [])).ToList();
    }
}
