namespace Driehoek.Web.Features.Bookings;

public sealed record ChangeBookingTopicsCommand(Guid BookingId, string? Topics, TopicAreas Areas, Guid Version);

/// <summary>
/// The household changes what it wants to discuss without cancelling: the time stays, the teacher reads
/// the new topics. Only the booking's own household, until the conversation starts; a change made meanwhile
/// elsewhere (the other parent's tab, a move) is detected by the booking's version.
/// </summary>
public sealed class ChangeBookingTopics(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(ChangeBookingTopicsCommand command, CancellationToken ct)
    {
        if (await BookingOwner.FindAsync(db, access, command.BookingId, ct) is not var (booking, actor) || actor != Actor.Household)
        {
            return Result<Guid>.NotFound();
        }
        if (booking.Status != BookingStatus.Booked)
        {
            return Result<Guid>.Invalid(new FieldError("", "Booking.NotActive"));
        }
        if (booking.StartsAt <= clock.GetUtcNow().UtcDateTime)
        {
            return Result<Guid>.Invalid(new FieldError("", "Booking.AlreadyStarted"));
        }
        var topics = BookingChecks.CleanTopics(command.Topics);
        if (topics is { Length: > BookingRules.MaxTopicsLength })
        {
            return Result<Guid>.Invalid(new FieldError("Topics", "Booking.TopicsTooLong", BookingRules.MaxTopicsLength));
        }
        if (command.Version != booking.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Booking.ChangedByOther"));
        }
        booking.Topics = topics;
        booking.TopicAreas = command.Areas & (TopicAreas.Results | TopicAreas.Wellbeing | TopicAreas.SocialContacts | TopicAreas.ClassroomClimate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Booking.ChangedByOther"));
        }
        return booking.Id;
    }
}
