using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.Calendar;

/// <summary>Whether the signed-in user has a feed address, and since when (the address itself is never shown again).</summary>
public sealed class GetCalendarFeed(AppDbContext db, Access access)
{
    public async Task<DateTime?> HandleAsync(CancellationToken ct) =>
        access.UserId is { } userId
            ? await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => (DateTime?)f.CreatedAt).FirstOrDefaultAsync(ct)
            : null;
}
