using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Bookings;

public sealed record FamilyHousehold(Guid HouseholdId, IReadOnlyList<string> Guardians, bool HasEmail);

public sealed record TeacherChoice(Guid StaffMemberId, string Name);

/// <summary>What staff see when booking for a family: the child's households, the teachers whose times they may fill, and the free times.</summary>
public sealed record BookForFamilyView(
    Guid RoundId, string RoundName, Guid StudentId, string StudentName, IReadOnlyList<FamilyHousehold> Households,
    IReadOnlyList<TeacherChoice> Teachers, Guid? StaffMemberId, IReadOnlyList<FreeSlot> Slots);

public sealed record BookForFamilyCommand(Guid RoundId, Guid StudentId, Guid HouseholdId, Guid SlotId, string? Topics);

/// <summary>
/// Staff book a time for a family that called or answered a letter ("call the school and we find a time
/// together"): a teacher in their own times, a leader in any teacher's. The same checks as a family's own
/// booking; the booking carries no guardian (booked by staff) and the family gets the usual confirmation
/// with its calendar file.
/// </summary>
public sealed class BookForFamily(AppDbContext db, Access access, TimeProvider clock, BookingNotices notices, FreeSlots free)
{
    public async Task<Result<BookForFamilyView>> ViewAsync(Guid roundId, Guid studentId, Guid? staffMemberId, CancellationToken ct)
    {
        if (await LoadAsync(roundId, studentId, ct) is not var (round, student, households, teachers))
        {
            return Result<BookForFamilyView>.NotFound();
        }
        var chosen = teachers.FirstOrDefault(t => t.StaffMemberId == staffMemberId) ?? teachers.FirstOrDefault();
        IReadOnlyList<FreeSlot> slots = [];
        if (chosen is not null)
        {
            var families = households.Select(h => new FamilyContext(round, studentId, Guid.Empty, h.HouseholdId, ByStaff: true)).ToList();
            var busy = await free.BusyAsync(round, families, ct);
            // A time is offered when it suits at least one household of the child; the booking checks the one chosen.
            slots = (await free.ForTeachersAsync(round.Id, [chosen.StaffMemberId], ct))
                .Where(s => families.Count == 0 || families.Any(f => !busy.Clashes(f, s.StartsAt, s.EndsAt))).ToList();
        }
        return new BookForFamilyView(round.Id, round.Name, studentId, student, households, teachers, chosen?.StaffMemberId, slots);
    }

    public async Task<BookingAttempt> HandleAsync(BookForFamilyCommand command, CancellationToken ct)
    {
        if (await LoadAsync(command.RoundId, command.StudentId, ct) is not var (round, _, households, teachers))
        {
            return BookingAttempt.Of(Result<Guid>.NotFound());
        }
        var slot = await db.Slots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SlotId && s.RoundId == round.Id, ct);
        if (slot is null || teachers.All(t => t.StaffMemberId != slot.StaffMemberId))
        {
            return BookingAttempt.Of(Result<Guid>.Invalid(new FieldError("SlotId", "BookFor.ChooseTime")));
        }
        if (households.All(h => h.HouseholdId != command.HouseholdId))
        {
            return BookingAttempt.Of(Result<Guid>.Invalid(new FieldError("HouseholdId", "BookFor.ChooseFamily")));
        }
        if (command.Topics is { Length: > BookingRules.MaxTopicsLength })
        {
            return BookingAttempt.Of(Result<Guid>.Invalid(new FieldError("Topics", "Booking.TopicsTooLong", BookingRules.MaxTopicsLength)));
        }
        var family = new FamilyContext(round, command.StudentId, Guid.Empty, command.HouseholdId, ByStaff: true);
        var details = new BookingDetails(command.Topics, TopicAreas.None, null, MeetingMode.OnSite);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await BookingChecks.ForNewBookingAsync(db, family, slot, details, now, ct) is { } problem)
        {
            return problem.Key == "Booking.JustTaken"
                ? new BookingAttempt(Result<Guid>.Conflict(problem), await free.NearestAsync(family, slot, ct))
                : BookingAttempt.Of(Result<Guid>.Invalid(problem));
        }
        var booking = NewBooking.Add(db, round, slot, new BookingParty(command.StudentId, command.HouseholdId, null, access.UserId!.Value),
            details, slot.StartsAt, slot.EndsAt, now);
        await notices.SendAsync(booking, BookingNotices.Kind.Confirmed, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new BookingAttempt(Result<Guid>.Conflict(new FieldError("SlotId", "Booking.JustTaken")), await free.NearestAsync(family, slot, ct));
        }
        return BookingAttempt.Of(booking.Id);
    }

    /// <summary>
    /// The round (published), the child in it, its households, and the child's teachers in this round whose
    /// times the signed-in staff member may fill (their own; a leader's, anyone's). Null when there is none.
    /// </summary>
    private async Task<(ConversationRound, string, List<FamilyHousehold>, List<TeacherChoice>)?> LoadAsync(Guid roundId, Guid studentId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || round.Status != RoundStatus.Published || round.Mode != RoundMode.SelfBooking
            || !await RoundAccess.StudentIds(db, roundId).AnyAsync(s => s == studentId, ct))
        {
            return null;
        }
        var teachers = new List<TeacherChoice>();
        foreach (var t in (await TeachersOfStudent.ForRoundAsync(db, round, [studentId], ct)).GetValueOrDefault(studentId) ?? [])
        {
            if (await access.MayAsync(Resource.Availability, Act.Change, Target.StaffMember(t.StaffMemberId), ct))
            {
                teachers.Add(new TeacherChoice(t.StaffMemberId, t.Name));
            }
        }
        if (teachers.Count == 0)
        {
            return null;
        }
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.FirstName, s.LastNamePrefix, s.LastName }).SingleAsync(ct);
        var contacts = await FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => c.StudentId == studentId && c.HouseholdId != null).ToListAsync(ct);
        var households = contacts.GroupBy(c => c.HouseholdId!.Value)
            .Select(g => new FamilyHousehold(g.Key, g.Select(c => c.Name).Distinct().ToList(), g.Any(c => c.Email is not null))).ToList();
        return (round, PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName), households, teachers);
    }
}
