using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Tasks;

/// <summary>The school year's window in which every family hears from the mentor (default 1 November to 31 May).</summary>
public static class ContactWindow
{
    public static (DateOnly Start, DateOnly End) Of(ContactRules rules, DateOnly today)
    {
        var (_, yearStart, _) = SchoolCalendar.YearContaining(today);
        DateOnly InYear(int month) => new(month >= 8 ? yearStart.Year : yearStart.Year + 1, month, 1);
        var start = InYear(rules.WindowStartMonth);
        var endMonth = InYear(rules.WindowEndMonth);
        var end = endMonth.AddMonths(1).AddDays(-1);
        return end < start ? (start, start.AddMonths(1).AddDays(-1)) : (start, end);
    }

    /// <summary>The window's start as a UTC instant (midnight school time).</summary>
    public static DateTime StartUtc(DateOnly start) => SchoolCalendar.ToUtc(start.ToDateTime(TimeOnly.MinValue));
}

/// <summary>The students of a group whose family the school has not had contact with since a moment.</summary>
public sealed class NotContacted(AppDbContext db, IContactHistory contacts)
{
    public sealed record Family(Guid StudentId, string StudentName, Guid GroupId);

    public async Task<IReadOnlyList<Family>> InGroupsAsync(Guid schoolId, IReadOnlyCollection<Guid> groupIds, DateTime sinceUtc, CancellationToken ct)
    {
        var contacted = await contacts.LastContactsAsync(schoolId, sinceUtc, positiveOnly: false, ct);
        var students = await db.Enrollments.AsNoTracking().Where(e => groupIds.Contains(e.GroupId))
            .Join(db.Students, e => e.StudentId, s => s.Id, (e, s) => new { s.Id, s.FirstName, s.LastNamePrefix, s.LastName, e.GroupId })
            .ToListAsync(ct);
        return students.Where(s => !contacted.ContainsKey(s.Id))
            .Select(s => new Family(s.Id, People.PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName), s.GroupId))
            .OrderBy(f => f.StudentName, StringComparer.CurrentCulture).ToList();
    }
}
