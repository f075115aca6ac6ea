using System.Globalization;
using Driehoek.Web.Features.Organisation;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.FollowThrough;

/// <summary>On a teacher's home, "coming up": each day with booked conversations, linking to that day's list.</summary>
public sealed class DayListAgenda(AppDbContext db, TimeProvider clock, IStringLocalizer<FollowThroughText> text) : Home.IAgendaSource
{
    public async Task<IReadOnlyList<Home.AgendaItem>> ForUserAsync(AccessProfile profile, CancellationToken ct)
    {
        if (!profile.IsStaff || profile.UserId is not { } userId)
        {
            return [];
        }
        var from = SchoolCalendar.ToUtc(SchoolCalendar.Today(clock).ToDateTime(TimeOnly.MinValue));
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ActiveSlotId != null && b.StartsAt >= from)
            .Join(db.StaffMembers.Where(m => m.UserId == userId), b => b.StaffMemberId, m => m.Id, (b, m) => new { b.RoundId, b.StartsAt })
            .Join(db.Rounds, b => b.RoundId, r => r.Id, (b, r) => new { b.RoundId, b.StartsAt, r.Name })
            .ToListAsync(ct);
        return bookings
            .GroupBy(b => (b.RoundId, b.Name, Day: DateOnly.FromDateTime(SchoolCalendar.ToLocal(b.StartsAt))))
            .Select(g => new Home.AgendaItem(g.Min(b => b.StartsAt), text["Agenda.DayList", g.Count(), g.Key.Name], null,
                $"/rounds/{g.Key.RoundId}/day?date={g.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", null))
            .ToList();
    }
}
