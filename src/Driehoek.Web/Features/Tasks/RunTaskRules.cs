using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Tasks;

public sealed record TaskRulesReport(int Created, int Escalated);

/// <summary>
/// The rules on the clock, for every school at the clock's "today": the mentor's window task (every family hears
/// from the mentor), a task per family without positive contact for the school's number of weeks, and overdue tasks
/// handed up. Safe in several instances at once: tasks are keyed by occurrence, an escalation is claimed with a
/// conditional update in the same transaction as its mail.
/// </summary>
public sealed class RunTaskRules(AppDbContext db, TaskBook book, TaskNotices notices, IContactHistory contacts, TimeProvider clock)
{
    public async Task<TaskRulesReport> HandleAsync(CancellationToken ct)
    {
        var today = SchoolCalendar.Today(clock);
        var created = 0;
        var schools = await db.Set<ContactRules>().AsNoTracking().Where(r => r.WindowOn || r.PositiveOn).ToListAsync(ct);
        foreach (var rules in schools)
        {
            created += await book.CreateAsync(await ClockTasksAsync(rules, today, ct), ct);
        }
        return new TaskRulesReport(created, await EscalateAsync(today, ct));
    }

    private async Task<IReadOnlyList<NewTask>> ClockTasksAsync(ContactRules rules, DateOnly today, CancellationToken ct)
    {
        var staffing = await Staffing.LoadAsync(db, rules.SchoolId, today, ct);
        if (staffing.Year is not { } year || today < year.StartsOn || today > year.EndsOn)
        {
            return [];
        }
        var tasks = new List<NewTask>();
        var (start, end) = ContactWindow.Of(rules, today);
        if (rules.WindowOn && today >= start && today <= end)
        {
            foreach (var group in staffing.Groups)
            {
                if (staffing.MentorOf(group) is { } mentor)
                {
                    tasks.Add(new NewTask(rules.SchoolId, TaskKind.MentorWindow, $"{start:yyyyMMdd}/{group:N}/{mentor:N}", mentor, end, GroupId: group));
                }
            }
        }
        if (rules.PositiveOn)
        {
            var since = year.StartsOn;
            var last = await contacts.LastContactsAsync(rules.SchoolId, SchoolCalendar.ToUtc(since.ToDateTime(TimeOnly.MinValue)), positiveOnly: true, ct);
            foreach (var student in staffing.Students)
            {
                var from = last.TryGetValue(student, out var at) ? DateOnly.FromDateTime(SchoolCalendar.ToLocal(at)) : since;
                if (today.DayNumber - from.DayNumber < rules.PositiveWeeks * 7
                    || staffing.GroupOf(student) is not { } group || staffing.LeadOf(group) is not { } owner)
                {
                    continue;
                }
                // Keyed by the last contact: once the family hears something positive, the silence after it is a new occurrence.
                tasks.Add(new NewTask(rules.SchoolId, TaskKind.NoPositiveContact, $"{student:N}/{from:yyyyMMdd}", owner, today.AddDays(7),
                    student, group, Detail: rules.PositiveWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        return tasks;
    }

    /// <summary>Open tasks past their due date and the school's days of grace: the owner is told, and the one it goes up to.</summary>
    private async Task<int> EscalateAsync(DateOnly today, CancellationToken ct)
    {
        var due = await db.Set<StaffTask>().AsNoTracking().Where(t => t.State == TaskState.Open && t.EscalatedAt == null && t.DueOn < today).OrderBy(t => t.DueOn).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.SchoolId, t.DueOn, t.GroupId }).Take(2000).ToListAsync(ct);
        var escalated = 0;
        foreach (var school in due.GroupBy(t => t.SchoolId))
        {
            var rules = await ContactRulesStore.ForAsync(db, school.Key, ct);
            var late = school.Where(t => t.DueOn.AddDays(rules.EscalateAfterDays) < today).ToList();
            if (late.Count == 0)
            {
                continue;
            }
            var staffing = await Staffing.LoadAsync(db, school.Key, today, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = new List<StaffTask>();
            foreach (var t in late)
            {
                var to = staffing.EscalationFor(t.GroupId);
                if (await db.Set<StaffTask>().Where(x => x.Id == t.Id && x.EscalatedAt == null && x.State == TaskState.Open)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.EscalatedAt, now).SetProperty(x => x.EscalatedToId, to), ct) == 1)
                {
                    claimed.Add(await db.Set<StaffTask>().AsNoTracking().SingleAsync(x => x.Id == t.Id, ct));
                }
            }
            await notices.QueueAsync(TaskNotices.Occasion.Overdue, claimed.Select(t => (t.OwnerId, t)).ToList(), ct);
            await notices.QueueAsync(TaskNotices.Occasion.HandedUp,
                claimed.Where(t => t.EscalatedToId is not null && t.EscalatedToId != t.OwnerId).Select(t => (t.EscalatedToId!.Value, t)).ToList(), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            escalated += claimed.Count;
        }
        return escalated;
    }
}

/// <summary>Runs <see cref="RunTaskRules"/> every Tasks:PollSeconds in one instance (the job's lease).</summary>
public sealed class TaskRulesJob(RunTaskRules rules, ILogger<TaskRulesJob> log) : IJobHandler
{
    public const string Kind = "task-rules";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var report = await rules.HandleAsync(ct);
        if (report.Created + report.Escalated > 0)
        {
            log.LogInformation("Task rules: {Created} new tasks, {Escalated} handed up", report.Created, report.Escalated);
        }
    }
}
