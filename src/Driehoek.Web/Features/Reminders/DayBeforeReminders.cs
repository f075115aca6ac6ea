using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Reminders;

/// <summary>
/// The day before a conversation (school-local date), its household gets a reminder with the calendar
/// file. Each booking is claimed with a conditional update of <see cref="Booking.ReminderSentAt"/> in the
/// same transaction as the e-mails: of two instances, one claims it; if the process dies, nothing commits.
/// </summary>
public sealed class DayBeforeReminders(AppDbContext db, BookingNotices notices, TimeProvider clock)
{
    private const int BatchSize = 200;

    public async Task<int> SendAsync(DateTime now, CancellationToken ct)
    {
        var tomorrow = SchoolCalendar.Today(clock).AddDays(1);
        var from = SchoolCalendar.ToUtc(tomorrow.ToDateTime(TimeOnly.MinValue));
        var to = SchoolCalendar.ToUtc(tomorrow.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Booked && b.ActiveSlotId != null && b.ReminderSentAt == null && b.StartsAt >= from && b.StartsAt < to)
            .Where(b => db.Rounds.Any(r => r.Id == b.RoundId && r.Status == RoundStatus.Published))
            .OrderBy(b => b.StartsAt).Select(b => b.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            if (await RemindAsync(id, now, ct))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> RemindAsync(Guid bookingId, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Bookings
            .Where(b => b.Id == bookingId && b.ReminderSentAt == null && b.Status == BookingStatus.Booked)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReminderSentAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId, ct);
        await notices.SendAsync(booking, BookingNotices.Kind.Reminder, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }
}
