using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.FollowThrough;

public sealed record RecordOutcomeCommand(Guid BookingId, BookingStatus Outcome, bool? StudentPresent, Guid? Version);

public sealed record OutcomeRecorded(Guid BookingId, BookingStatus Status, bool? StudentPresent, Guid Version);

/// <summary>
/// The teacher of a booking (or a school leader) records how it went: held or no-show once it has
/// started, or cancelled (the conversation did not take place). Corrections are allowed; a stale form
/// gets "changed by someone else". Families and other teachers get 404.
/// </summary>
public sealed class RecordOutcome(AppDbContext db, Access access, TimeProvider clock, BookingNotices notices, WaitingListNotices waiting)
{
    public async Task<Result<OutcomeRecorded>> HandleAsync(RecordOutcomeCommand command, CancellationToken ct)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == command.BookingId, ct);
        if (booking is null || !await MayRecordAsync(booking, ct))
        {
            return Result<OutcomeRecorded>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (Problem(booking, command, now) is { } problem)
        {
            return Result<OutcomeRecorded>.Invalid(problem);
        }
        if (command.Version is { } version && version != booking.Version)
        {
            return Result<OutcomeRecorded>.Conflict(new FieldError("", "Outcome.ChangedByOther"));
        }
        if (command.Outcome == BookingStatus.Cancelled)
        {
            await CancelAsync(booking, now, ct);
        }
        else
        {
            booking.Status = command.Outcome;
            booking.StudentPresent = command.StudentPresent;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<OutcomeRecorded>.Conflict(new FieldError("", "Outcome.ChangedByOther"));
        }
        return new OutcomeRecorded(booking.Id, booking.Status, booking.StudentPresent, booking.Version);
    }

    /// <summary>The booking's own teacher, or the school's leaders (the access matrix's outcome row).</summary>
    private async Task<bool> MayRecordAsync(Booking booking, CancellationToken ct) =>
        AccessMatrix.Allows(Resource.Outcome, Act.Change, await BookingOwner.RelationsAsync(db, access, booking, ct));

    private static FieldError? Problem(Booking booking, RecordOutcomeCommand command, DateTime now) => command.Outcome switch
    {
        not (BookingStatus.Held or BookingStatus.NoShow or BookingStatus.Cancelled) => new FieldError("Outcome", "Outcome.Choose"),
        _ when booking.Status == BookingStatus.Cancelled => new FieldError("", "Outcome.AlreadyCancelled"),
        BookingStatus.Held or BookingStatus.NoShow when booking.StartsAt > now => new FieldError("Outcome", "Outcome.NotStarted"),
        _ => null,
    };

    /// <summary>A conversation that will not take place: the family hears it if it is still to come; a past one is only recorded.</summary>
    private async Task CancelAsync(Booking booking, DateTime now, CancellationToken ct)
    {
        var upcoming = booking.StartsAt > now;
        CancelBooking.Cancel(db, booking, now);
        booking.StudentPresent = null;
        if (upcoming)
        {
            await notices.SendAsync(booking, BookingNotices.Kind.CancelledBySchool, ct);
            await waiting.SlotFreedAsync(booking, ct);
        }
    }
}
