using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Records;

/// <summary>A booking whose record the signed-in person may read or write, with its round.</summary>
public sealed record RecordTarget(Booking Booking, ConversationRound Round, IReadOnlySet<Relation> Relations);

public static class RecordAccess
{
    /// <summary>
    /// The booking if the signed-in person may do <paramref name="act"/> to its record: its own teacher or the school's
    /// leaders; the care coordinator reads where the school allows. A cancelled conversation has no record.
    /// </summary>
    public static async Task<RecordTarget?> FindAsync(AppDbContext db, Access access, Guid bookingId, Act act, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || booking.Status == BookingStatus.Cancelled)
        {
            return null;
        }
        var relations = await BookingOwner.RelationsAsync(db, access, booking, ct);
        if (!await access.PermitsAsync(Resource.ConversationRecord, act, relations, booking.SchoolId, ct))
        {
            return null;
        }
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == booking.RoundId, ct);
        return new RecordTarget(booking, round, relations);
    }
}
