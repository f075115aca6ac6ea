using Driehoek.Web.Features.Rounds;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// A family's "coming up" for rounds in request mode: ask for conversations before the window closes;
/// once the evening is published, the timetable (the conversations themselves come from the bookings).
/// </summary>
public sealed class EveningAgenda(AppDbContext db, TimeProvider clock, IStringLocalizer<ParentEveningText> text) : Home.IAgendaSource
{
    public async Task<IReadOnlyList<Home.AgendaItem>> ForUserAsync(AccessProfile profile, CancellationToken ct)
    {
        // A guardian without parental authority sees the rounds only where the school allows it.
        var children = await People.FamilyContacts.LinksToldAsync(db, profile, Organisation.LimitedGuardianAccess.ConversationRounds, ct);
        var studentIds = children.Select(c => c.StudentId).ToList();
        if (studentIds.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var households = children.Where(c => c.HouseholdId is not null).Select(c => c.HouseholdId!.Value).Distinct().ToList();
        var today = Organisation.SchoolCalendar.Today(clock);
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Published && r.Mode == RoundMode.Requests && r.LastDay >= today)
            .Where(r => db.RoundGroups.Where(g => g.RoundId == r.Id)
                .Join(db.Enrollments, g => g.GroupId, e => e.GroupId, (g, e) => e.StudentId).Any(id => studentIds.Contains(id)))
            .Select(r => new
            {
                r.Id, r.Name, r.BookingOpensAt, r.BookingClosesAt, r.FirstDay,
                Asked = db.ConversationRequests.Any(q => q.RoundId == r.Id && households.Contains(q.HouseholdId)),
                Published = db.ScheduleRuns.Any(s => s.RoundId == r.Id && s.PublishedAt != null),
            })
            .ToListAsync(ct);
        var items = new List<Home.AgendaItem>();
        foreach (var r in rounds)
        {
            if (r.Published && r.Asked)
            {
                items.Add(new Home.AgendaItem(Organisation.SchoolCalendar.ToUtc(r.FirstDay.ToDateTime(new TimeOnly(8, 0))),
                    text["Agenda.Timetable", r.Name], null, $"/rounds/{r.Id}/timetable", null));
            }
            else if (!r.Published && r.BookingOpensAt <= now && r.BookingClosesAt > now)
            {
                items.Add(new Home.AgendaItem(r.BookingClosesAt, text[r.Asked ? "Agenda.Asked" : "Agenda.AskBefore", r.Name], null,
                    $"/rounds/{r.Id}/request", null));
            }
        }
        return items;
    }
}
