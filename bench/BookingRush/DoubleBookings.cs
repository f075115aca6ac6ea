using Driehoek.Web.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.BookingRush;

/// <summary>After the rush, straight from the database: every way a booking system can double-book. All must be 0.</summary>
public sealed record DoubleBookings(int ActiveBookings, int SlotsBookedTwice, int HouseholdOverlaps, int StudentTeacherTwice)
{
    public int Total => SlotsBookedTwice + HouseholdOverlaps + StudentTeacherTwice;

    public static Task<DoubleBookings> CountAsync(BenchApp app, Guid roundId) => app.WithDbAsync(async db =>
    {
        var active = await db.Bookings.AsNoTracking()
            .Where(b => b.RoundId == roundId && b.Status == BookingStatus.Booked)
            .Select(b => new { b.SlotId, b.HouseholdId, b.StudentId, b.StaffMemberId, b.StartsAt, b.EndsAt })
            .ToListAsync();
        var slots = active.GroupBy(b => b.SlotId).Count(g => g.Count() > 1);
        var overlaps = active.GroupBy(b => b.HouseholdId).Sum(g =>
        {
            var list = g.OrderBy(b => b.StartsAt).ToList();
            return list.Select((b, i) => list.Skip(i + 1).Count(o => o.StartsAt < b.EndsAt && b.StartsAt < o.EndsAt)).Sum();
        });
        var twice = active.GroupBy(b => (b.StudentId, b.StaffMemberId)).Count(g => g.Count() > 1);
        return new DoubleBookings(active.Count, slots, overlaps, twice);
    });
}
