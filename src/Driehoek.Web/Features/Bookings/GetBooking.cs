using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Bookings;

public sealed record BookingView(
    Guid Id, Guid RoundId, string RoundName, Guid StudentId, string StudentName, string Teacher, DateTime StartsAt, DateTime EndsAt,
    string? Room, string? VideoLink, MeetingMode Mode, string? Topics, TopicAreas Areas, string? InterpreterLanguage, BookingStatus Status,
    bool? StudentPresent, Actor Actor, FieldError? CannotChange, IReadOnlyList<FreeSlot> MoveOptions, Guid Version, string SchoolName,
    bool MovedOnlyBySchool, IReadOnlyList<string> Parents)
{
    /// <summary>Staff made this booking for the family (after a call or a letter), not a parent.</summary>
    public bool BookedBySchool { get; init; }

    /// <summary>An interpreter is assigned; the family reads the name only when it is a colleague of the school.</summary>
    public bool InterpreterAssigned { get; init; }

    public string? InterpreterName { get; init; }
}

/// <summary>One booking, for its household or for staff (the care coordinator reads it where the school allows); with the times it could move to.</summary>
public sealed class GetBooking(AppDbContext db, Access access, TimeProvider clock, FreeSlots free, AuditLog audit)
{
    public async Task<Result<BookingView>> HandleAsync(Guid bookingId, CancellationToken ct)
    {
        if (await BookingOwner.FindAsync(db, access, bookingId, ct, Act.View) is not var (booking, actor))
        {
            return Result<BookingView>.NotFound();
        }
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == booking.RoundId, ct);
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == booking.StudentId, ct);
        var teacher = await db.StaffMembers.AsNoTracking().SingleAsync(m => m.Id == booking.StaffMemberId, ct);
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == booking.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var slot = booking.SlotId is null ? null : await db.Slots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == booking.SlotId, ct);
        var cannot = BookingOwner.Deadline(booking, round.ChangeDeadlineHours, actor, clock.GetUtcNow().UtcDateTime);
        IReadOnlyList<FreeSlot> moves = [];
        var scheduledByTheSchool = actor == Actor.Household && round.Mode != Rounds.RoundMode.SelfBooking;
        if (cannot is null && !scheduledByTheSchool && booking.EndsAt - booking.StartsAt == TimeSpan.FromMinutes(round.LengthMinutes))
        {
            var family = new FamilyContext(round, booking.StudentId, booking.BookedByGuardianId ?? Guid.Empty, booking.HouseholdId, actor == Actor.Staff);
            var busy = await free.BusyAsync(round, [family], ct, booking.Id);
            moves = (await free.ForTeachersAsync(round.Id, [booking.StaffMemberId], ct))
                .Where(s => !busy.Clashes(family, s.StartsAt, s.EndsAt)).ToList();
        }
        if (actor != Actor.Household && (booking.Topics is not null || booking.TopicAreas != TopicAreas.None))
        {
            // What a family wants to discuss is theirs: staff reads are logged like preparation reads.
            await audit.RecordReadAsync("booking-topics", booking.StudentId, access.UserId, booking.SchoolId, ct);
        }
        // Staff see whom they will meet: the household's parents who take part in rounds (the family knows itself).
        var parents = actor == Actor.Household ? []
            : (await FamilyContacts.Of(db, booking.SchoolId, Organisation.LimitedGuardianAccess.ConversationRounds)
                .Where(c => c.StudentId == booking.StudentId && c.HouseholdId == booking.HouseholdId)
                .Select(c => new { c.FirstName, c.LastNamePrefix, c.LastName }).ToListAsync(ct))
            .Select(c => PersonName.Format(c.FirstName, c.LastNamePrefix, c.LastName)).Distinct().Order().ToList();
        // A cancelled conversation has no interpreter coming, whatever was arranged.
        var interpreter = booking.InterpreterLanguage is null || booking.Status == BookingStatus.Cancelled ? null
            : await Interpreters.InterpreterNames.OfBookingAsync(db, booking.Id, ct);
        return new BookingView(booking.Id, round.Id, round.Name, student.Id, student.FirstName, teacher.FullName, booking.StartsAt, booking.EndsAt,
            slot?.Room, slot?.VideoLink, booking.Mode, booking.Topics, booking.TopicAreas, booking.InterpreterLanguage, booking.Status,
            booking.StudentPresent, actor, cannot, moves, booking.Version, school, scheduledByTheSchool, parents)
        {
            BookedBySchool = booking.BookedByGuardianId is null,
            InterpreterAssigned = interpreter is not null,
            InterpreterName = actor == Actor.Household && interpreter is { Staff: false } ? null : interpreter?.Name,
        };
    }
}
