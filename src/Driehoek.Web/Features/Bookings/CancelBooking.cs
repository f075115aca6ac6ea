namespace Driehoek.Web.Features.Bookings;

/// <param name="Message">Staff only: a message to the family that goes into the notice.</param>
public sealed record CancelBookingCommand(Guid BookingId, Guid? Version, string? Message = null);

/// <summary>
/// Cancels a booking: frees the slot and the family's time, sends the calendar cancellation, and tells
/// the families on the waiting list for that teacher that a place is free.
/// </summary>
public sealed class CancelBooking(AppDbContext db, Access access, TimeProvider clock, BookingNotices notices, WaitingListNotices waiting)
{
    public async Task<Result<Guid>> HandleAsync(CancelBookingCommand command, CancellationToken ct)
    {
        if (await BookingOwner.FindAsync(db, access, command.BookingId, ct) is not var (booking, actor))
        {
            return Result<Guid>.NotFound();
        }
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == booking.RoundId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (BookingOwner.Deadline(booking, round.ChangeDeadlineHours, actor, now) is { } late)
        {
            return Result<Guid>.Invalid(late);
        }
        if (command.Version is { } version && version != booking.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Booking.ChangedByOther"));
        }
        var message = BookingNotices.StaffMessage(command.Message, actor);
        if (!message.Ok)
        {
            return Result<Guid>.Invalid(message.Errors.ToArray());
        }
        Cancel(db, booking, now);
        await notices.SendAsync(booking, actor == Actor.Staff ? BookingNotices.Kind.CancelledBySchool : BookingNotices.Kind.Cancelled, ct, message.Value);
        await waiting.SlotFreedAsync(booking, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Booking.ChangedByOther"));
        }
        return booking.RoundId;
    }

    public static void Cancel(AppDbContext db, Booking booking, DateTime now)
    {
        MarkCancelled(booking, now);
        db.TimeClaims.RemoveRange(db.TimeClaims.Where(c => c.BookingId == booking.Id));
    }

    /// <summary>Cancels many bookings at once (a whole round): their time claims are read in one query, not one per booking.</summary>
    public static async Task CancelAllAsync(AppDbContext db, IReadOnlyList<Booking> bookings, DateTime now, CancellationToken ct)
    {
        var ids = bookings.Select(b => b.Id).ToList();
        db.TimeClaims.RemoveRange(await db.TimeClaims.Where(c => ids.Contains(c.BookingId)).ToListAsync(ct));
        foreach (var booking in bookings)
        {
            MarkCancelled(booking, now);
        }
    }

    private static void MarkCancelled(Booking booking, DateTime now)
    {
        booking.Status = BookingStatus.Cancelled;
        booking.ActiveSlotId = null;
        booking.ActiveKey = null;
        booking.CancelledAt = now;
        booking.Sequence++;
    }
}
