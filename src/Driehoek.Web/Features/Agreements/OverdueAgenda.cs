using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Agreements;

/// <summary>
/// On a group teacher's or mentor's "coming up": the open agreements of their group's students whose check
/// date has passed, each linking to the student's agreements.
/// </summary>
public sealed class OverdueAgenda(AppDbContext db, TimeProvider clock, IStringLocalizer<AgreementsText> text) : Home.IAgendaSource
{
    private const int Most = 50;

    public async Task<IReadOnlyList<Home.AgendaItem>> ForUserAsync(AccessProfile profile, CancellationToken ct)
    {
        var groups = profile.LeadsGroupIds.ToList();
        if (groups.Count == 0)
        {
            return [];
        }
        var today = SchoolCalendar.Today(clock);
        var students = db.Enrollments.Where(e => groups.Contains(e.GroupId)).Select(e => e.StudentId);
        var overdue = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Open && a.CheckOn < today && students.Contains(a.StudentId))
            .Join(db.Students, a => a.StudentId, s => s.Id, (a, s) => new { a.StudentId, a.CheckOn, a.What, s.FirstName, s.LastNamePrefix, s.LastName })
            .OrderBy(a => a.CheckOn).Take(Most).ToListAsync(ct);
        return overdue.Select(a => new Home.AgendaItem(SchoolCalendar.ToUtc(a.CheckOn.ToDateTime(new TimeOnly(8, 0))),
                text["Overdue.Item", PersonName.Format(a.FirstName, a.LastNamePrefix, a.LastName)], Shorten(a.What),
                AgreementNotices.StaffPath(a.StudentId), a.StudentId))
            .ToList();
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
