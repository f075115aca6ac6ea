namespace Driehoek.Web.Features.Bookings;

/// <param name="Message">Staff only: a message to the family that goes into the notice.</param>
public sealed record MoveBookingCommand(Guid BookingId, Guid SlotId, Guid? Version, string? Message = null);

/// <summary>
/// Moves a booking to another slot of the same round: the family before the deadline, or the teacher or
/// school at any time, with notice. Same calendar UID, higher SEQUENCE: the family's calendar moves the event.
/// </summary>
public sealed class MoveBooking(AppDbContext db, Access access, TimeProvider clock, BookingNotices notices, FreeSlots free, WaitingListNotices waiting)
{
    public async Task<BookingAttempt> HandleAsync(MoveBookingCommand command, CancellationToken ct)
    {
        if (await BookingOwner.FindAsync(db, access, command.BookingId, ct) is not var (booking, actor))
        {
            return BookingAttempt.Of(Result<Guid>.NotFound());
        }
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == booking.RoundId, ct);
        var slot = await db.Slots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SlotId && s.RoundId == round.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (slot is null)
        {
            return BookingAttempt.Of(Result<Guid>.NotFound());
        }
        if (BookingOwner.Deadline(booking, round.ChangeDeadlineHours, actor, now) is { } late)
        {
            return BookingAttempt.Of(Result<Guid>.Invalid(late));
        }
        var message = BookingNotices.StaffMessage(command.Message, actor);
        if (!message.Ok)
        {
            return BookingAttempt.Of(Result<Guid>.Invalid(message.Errors.ToArray()));
        }
        if (booking.EndsAt - booking.StartsAt != slot.EndsAt - slot.StartsAt)
        {
            // A double-length meeting from the scheduler: moved in the schedule review, not slot by slot.
            return BookingAttempt.Of(Result<Guid>.Invalid(new FieldError("SlotId", "Booking.LengthDiffers")));
        }
        if (actor == Actor.Household && round.Mode != Rounds.RoundMode.SelfBooking)
        {
            return BookingAttempt.Of(Result<Guid>.Invalid(new FieldError("", "Booking.AskSchoolToMove")));
        }
        if (command.Version is { } version && version != booking.Version)
        {
            return BookingAttempt.Of(Result<Guid>.Conflict(new FieldError("", "Booking.ChangedByOther")));
        }
        // Staff may move outside the booking window; the other rules are the same for everyone.
        var family = new FamilyContext(round, booking.StudentId, booking.BookedByGuardianId ?? Guid.Empty, booking.HouseholdId, actor == Actor.Staff);
        var details = new BookingDetails(booking.Topics, booking.TopicAreas, booking.InterpreterLanguage, booking.Mode == MeetingMode.Video && slot.VideoLink is null ? MeetingMode.OnSite : booking.Mode);
        if (await BookingChecks.ForNewBookingAsync(db, family, slot, details, now, ct, movingBookingId: booking.Id) is { } problem)
        {
            return problem.Key == "Booking.JustTaken"
                ? new BookingAttempt(Result<Guid>.Conflict(problem), await free.NearestAsync(family, slot, ct))
                : BookingAttempt.Of(Result<Guid>.Invalid(problem));
        }

        await waiting.SlotFreedAsync(booking, ct);
        db.TimeClaims.RemoveRange(db.TimeClaims.Where(c => c.BookingId == booking.Id));
        booking.SlotId = slot.Id;
        booking.ActiveSlotId = slot.Id;
        booking.StaffMemberId = slot.StaffMemberId;
        booking.ActiveKey = Booking.KeyFor(round.Id, booking.StudentId, booking.HouseholdId, slot.StaffMemberId);
        booking.StartsAt = slot.StartsAt;
        booking.EndsAt = slot.EndsAt;
        booking.Mode = details.Mode;
        booking.Sequence++;
        booking.ReminderSentAt = BookingRules.ReminderAlreadyCovered(slot.StartsAt, now);
        db.TimeClaims.AddRange(TimeClaims.For(booking, round));
        await notices.SendAsync(booking, actor == Actor.Staff ? BookingNotices.Kind.MovedBySchool : BookingNotices.Kind.Moved, ct, message.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new BookingAttempt(Result<Guid>.Conflict(new FieldError("SlotId", "Booking.JustTaken")), await free.NearestAsync(family, slot, ct));
        }
        return BookingAttempt.Of(booking.Id);
    }
}
