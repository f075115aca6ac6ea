using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

public sealed record BookingDetails(string? Topics, TopicAreas Areas, string? InterpreterLanguage, MeetingMode Mode);

public sealed record BookSlotCommand(Guid RoundId, Guid StudentId, Guid SlotId, BookingDetails Details);

/// <summary>
/// A household books a teacher's slot for one child. Checked first so the answer is clear; the unique
/// indexes (slot, child+household+teacher, household and student time) are what make a race safe:
/// of two families pressing at once, one wins and the other hears "just taken" with alternatives.
/// </summary>
public sealed class BookSlot(AppDbContext db, Access access, TimeProvider clock, BookingNotices notices, FreeSlots free)
{
    public async Task<BookingAttempt> HandleAsync(BookSlotCommand command, CancellationToken ct)
    {
        if (await FamilyContext.WithSlotAsync(db, access, command.RoundId, command.StudentId, command.SlotId, ct) is not var (family, state))
        {
            return BookingAttempt.Of(Result<Guid>.NotFound());
        }
        var slot = state.Slot;
        var now = clock.GetUtcNow().UtcDateTime;
        var problem = BookingChecks.ForNewBooking(family, state, command.Details, now);
        if (problem is not null)
        {
            return problem.Key == "Booking.JustTaken"
                ? new BookingAttempt(Result<Guid>.Conflict(problem), await free.NearestAsync(family, slot, ct, state))
                : BookingAttempt.Of(Result<Guid>.Invalid(problem));
        }

        var booking = NewBooking.Add(db, family.Round, slot,
            new BookingParty(family.StudentId, family.HouseholdId, family.GuardianId, access.UserId!.Value), command.Details, slot.StartsAt, slot.EndsAt, now);
        if (state.Waiting)
        {
            await ResolveWaitingAsync(db, family, slot.StaffMemberId, now, ct);
        }
        await notices.ConfirmedAsync(booking, state.About, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return await RaceLostAsync(family, slot, ct);
        }
        return BookingAttempt.Of(booking.Id);
    }

    /// <summary>The family's place on the teacher's waiting list is resolved in the booking's own transaction: one write per booking (SQLite has one writer at a time).</summary>
    internal static async Task ResolveWaitingAsync(AppDbContext db, FamilyContext family, Guid staffMemberId, DateTime now, CancellationToken ct)
    {
        var waiting = await WaitingFor.For(db)(db, family.Round.Id, family.StudentId, family.HouseholdId, staffMemberId).ListAsync(ct);
        waiting.ForEach(w => w.ResolvedAt = now);
    }

    private static readonly CompiledPerModel<Func<AppDbContext, Guid, Guid, Guid, Guid, IAsyncEnumerable<WaitingListEntry>>> WaitingFor = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid roundId, Guid studentId, Guid householdId, Guid staffMemberId) => db.WaitingList
            .Where(w => w.RoundId == roundId && w.StudentId == studentId && w.HouseholdId == householdId && w.StaffMemberId == staffMemberId && w.ResolvedAt == null)));

    /// <summary>Works out which rule the other request won on, and answers like the checks would have.</summary>
    private async Task<BookingAttempt> RaceLostAsync(FamilyContext family, Slot slot, CancellationToken ct)
    {
        var (found, state) = await BookingChecks.CheckAsync(db, family, slot, new BookingDetails(null, TopicAreas.None, null, MeetingMode.OnSite),
            clock.GetUtcNow().UtcDateTime, ct);
        var problem = found ?? new FieldError("SlotId", "Booking.JustTaken");
        return problem.Key == "Booking.JustTaken"
            ? new BookingAttempt(Result<Guid>.Conflict(problem), await free.NearestAsync(family, slot, ct, state))
            : BookingAttempt.Of(Result<Guid>.Conflict(problem));
    }
}
