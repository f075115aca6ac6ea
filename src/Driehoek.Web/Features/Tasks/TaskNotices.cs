using System.Globalization;
using System.Text;
using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Tasks;

/// <summary>
/// Mail about tasks, through the outbox in the caller's unit of work: one message per person per occasion (new
/// tasks, tasks one is informed of, overdue tasks, colleagues' overdue tasks handed up), in their language, held
/// back until their quiet hours end.
/// </summary>
public sealed class TaskNotices(AppDbContext db, Outbox outbox, IStringLocalizer<TasksText> text, IConfiguration config, TimeProvider clock)
{
    /// <summary>Tasks listed in one message; the rest are on the task list.</summary>
    private const int Listed = 20;

    public enum Occasion
    {
        New,
        Informed,
        Overdue,
        HandedUp,
    }

    private sealed record Recipient(Guid Id, string FirstName, string? Email, string Language, TimeOnly QuietStart, TimeOnly QuietEnd);

    /// <summary>Queues one message per recipient about their tasks.</summary>
    public async Task QueueAsync(Occasion occasion, IReadOnlyList<(Guid RecipientId, StaffTask Task)> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return;
        }
        var ids = items.Select(i => i.RecipientId).Distinct().ToList();
        var staff = await db.StaffMembers.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.FirstName, m.Email, m.UserId }).ToListAsync(ct);
        var userIds = staff.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).ToList();
        var languages = await db.Set<AppUser>().AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.PreferredLanguage }).ToDictionaryAsync(u => u.Id, u => u.PreferredLanguage, ct);
        var quiet = await db.Set<StaffQuietHours>().AsNoTracking().Where(q => ids.Contains(q.StaffMemberId)).ToDictionaryAsync(q => q.StaffMemberId, ct);
        var recipients = staff.ToDictionary(m => m.Id, m => new Recipient(m.Id, m.FirstName, m.Email,
            m.UserId is { } u && languages.TryGetValue(u, out var language) ? language : "nl",
            quiet.GetValueOrDefault(m.Id)?.Start ?? QuietHours.DefaultStart, quiet.GetValueOrDefault(m.Id)?.End ?? QuietHours.DefaultEnd));
        var studentIds = items.Where(i => i.Task.StudentId is not null).Select(i => i.Task.StudentId!.Value).Distinct().ToList();
        var students = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id))
            .Select(s => new { s.Id, s.FirstName, s.LastNamePrefix, s.LastName }).ToDictionaryAsync(s => s.Id, s => People.PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = AppLinks.BaseUrl(config) + "/tasks";
        foreach (var group in items.GroupBy(i => i.RecipientId))
        {
            if (!recipients.TryGetValue(group.Key, out var r) || r.Email is null)
            {
                // No e-mail on file: the task list is where they find it.
                continue;
            }
            using var _ = CultureScope.Use(r.Language);
            var tasks = group.Select(g => g.Task).OrderBy(t => t.DueOn).ToList();
            var lines = new StringBuilder();
            foreach (var t in tasks.Take(Listed))
            {
                var who = t.StudentId is { } s && students.TryGetValue(s, out var name) ? name + ": " : "";
                lines.Append("- ").Append(who).Append(TaskWording.Describe(text, t))
                    .Append(" (").Append(text["Mail.Due", t.DueOn.ToString("d MMMM", CultureInfo.CurrentCulture)]).AppendLine(")");
            }
            if (tasks.Count > Listed)
            {
                lines.AppendLine(text["Mail.More", tasks.Count - Listed]);
            }
            outbox.Email(new EmailMessage(r.Email, text[$"Mail.{occasion}.Subject", tasks.Count],
                text[$"Mail.{occasion}.Body", r.FirstName, lines.ToString(), link], r.Language),
                QuietHours.EndOf(now, r.QuietStart, r.QuietEnd));
        }
    }
}

public static class TaskWording
{
    /// <summary>What the task asks, in the current language: e.g. "Contact the parents: wi 3,8 (period 2)".</summary>
    public static string Describe(IStringLocalizer text, StaffTask task) =>
        text[$"Kind.{task.Kind}", task.Subject ?? "", task.Period ?? "", task.Detail ?? ""];
}
