using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

public sealed record SlotPick(Guid StudentId, Guid SlotId);

public sealed record BookSeveralCommand(Guid RoundId, IReadOnlyList<SlotPick> Picks);

/// <summary>
/// A family books a suggested evening in one go: every pick passes the checks of a single booking
/// (<see cref="BookingChecks"/>, counting the subject teachers and times of the other picks too), then all
/// are made through <see cref="NewBooking"/> in one transaction. All or nothing: when another family took a
/// time in the meantime, nothing is booked and the answer names the conversation that could not be made.
/// </summary>
public sealed class BookSeveral(AppDbContext db, Access access, TimeProvider clock, BookingNotices notices)
{
    /// <summary>More than any household's evening: every child's mentor and subject teachers.</summary>
    private const int MaxPicks = 40;

    private static readonly BookingDetails NoDetails = new(null, TopicAreas.None, null, MeetingMode.OnSite);

    public async Task<Result<int>> HandleAsync(BookSeveralCommand command, CancellationToken ct)
    {
        var picks = command.Picks.Distinct().ToList();
        if (picks.Count == 0)
        {
            return Result<int>.Invalid(new FieldError("", "Book.PickNone"));
        }
        if (picks.Count > MaxPicks)
        {
            // No form of ours sends this many; each pick costs a query, so a made-up request is turned away first.
            return Result<int>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var checkedPicks = new List<(FamilyContext Family, BookingChecks.SlotState State)>();
        foreach (var pick in picks)
        {
            if (await FamilyContext.WithSlotAsync(db, access, command.RoundId, pick.StudentId, pick.SlotId, ct) is not var (family, state))
            {
                return Result<int>.NotFound();
            }
            var earlier = checkedPicks.Where(p => p.Family.StudentId == family.StudentId).ToList();
            state = state with
            {
                BookedSubjects = state.BookedSubjects + earlier.Count(p => !p.State.IsMain),
                WithTeacher = state.WithTeacher || earlier.Any(p => p.State.Slot.StaffMemberId == state.Slot.StaffMemberId),
                Clash = state.Clash || checkedPicks.Any(p => p.State.Slot.StartsAt < state.Slot.EndsAt && state.Slot.StartsAt < p.State.Slot.EndsAt),
            };
            if (BookingChecks.ForNewBooking(family, state, NoDetails, now) is { } problem)
            {
                return Refused(state, problem);
            }
            checkedPicks.Add((family, state));
        }

        foreach (var (family, state) in checkedPicks)
        {
            var booking = NewBooking.Add(db, family.Round, state.Slot,
                new BookingParty(family.StudentId, family.HouseholdId, family.GuardianId, access.UserId!.Value), NoDetails, state.Slot.StartsAt, state.Slot.EndsAt, now);
            if (state.Waiting)
            {
                await BookSlot.ResolveWaitingAsync(db, family, state.Slot.StaffMemberId, now, ct);
            }
            await notices.ConfirmedAsync(booking, state.About, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another family (or this one, in another tab) was quicker with one of the times: nothing was saved.
            db.ChangeTracker.Clear();
            foreach (var (family, state) in checkedPicks)
            {
                if (await BookingChecks.ForNewBookingAsync(db, family, state.Slot, NoDetails, now, ct) is { } problem)
                {
                    return Refused(state, problem);
                }
            }
            return Refused(checkedPicks[0].State, new FieldError("", "Booking.JustTaken"));
        }
        return checkedPicks.Count;
    }

    /// <summary>Nothing was booked: which conversation stood in the way, and why.</summary>
    private static Result<int> Refused(BookingChecks.SlotState state, FieldError problem) =>
        Result<int>.Conflict(
            new FieldError("", "Book.PickFailed", state.StudentFirstName ?? "", state.TeacherName, SchoolCalendar.ToLocal(state.Slot.StartsAt).ToString("HH:mm")),
            problem with { Field = "" });
}
