using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.Rounds;

public sealed record CancelRoundCommand(Guid RoundId, Guid Version);

/// <summary>Cancels a whole round: every booking is cancelled and every household told, in one transaction.</summary>
public sealed class CancelRound(AppDbContext db, Access access, TimeProvider clock, BookingNotices notices)
{
    public async Task<Result<int>> HandleAsync(CancelRoundCommand command, CancellationToken ct)
    {
        var round = await RoundAccess.ManageableAsync(db, access, command.RoundId, Resource.Rounds, ct);
        if (round is null)
        {
            return Result<int>.NotFound();
        }
        if (round.Version != command.Version)
        {
            return Result<int>.Conflict(new FieldError("", "Round.ChangedByOther"));
        }
        if (round.Status == RoundStatus.Cancelled)
        {
            return Result<int>.Invalid(new FieldError("", "Round.AlreadyCancelled"));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        round.Status = RoundStatus.Cancelled;
        var bookings = await db.Bookings.Where(b => b.RoundId == round.Id && b.Status == BookingStatus.Booked && b.StartsAt > now).ToListAsync(ct);
        await Bookings.CancelBooking.CancelAllAsync(db, bookings, now, ct);
        await notices.SendAsync(bookings, BookingNotices.Kind.CancelledBySchool, ct);
        try
        {
            // One SaveChanges: the round, every booking and every e-mail commit together.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<int>.Conflict(new FieldError("", "Round.ChangedByOther"));
        }
        return bookings.Count;
    }
}
