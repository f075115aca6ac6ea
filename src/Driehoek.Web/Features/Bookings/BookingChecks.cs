using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

/// <summary>The rules a new booking (or a move) must meet, each with its own message.</summary>
public static class BookingChecks
{
    public const TopicAreas AllAreas = TopicAreas.Results | TopicAreas.Wellbeing | TopicAreas.SocialContacts | TopicAreas.ClassroomClimate;

    public static string? CleanTopics(string? topics) => string.IsNullOrWhiteSpace(topics) ? null : topics.Trim();

    /// <summary>
    /// Whether families can book now. Staff acting for a family are not held to the booking window or
    /// the round's mode (in a scheduled round only the school moves meetings).
    /// </summary>
    public static FieldError? Window(ConversationRound round, DateTime now, bool staff = false) =>
        Window(round, now, RoundMode.SelfBooking, "Booking.NotSelfBooking", staff);

    /// <summary>Whether families can act in a round of this mode now (book, or request conversations); <paramref name="wrongModeKey"/> says it is the other mode.</summary>
    public static FieldError? Window(ConversationRound round, DateTime now, RoundMode mode, string wrongModeKey, bool staff = false)
    {
        if (round.Status == RoundStatus.Cancelled)
        {
            return new FieldError("", "Booking.RoundCancelled");
        }
        if (staff)
        {
            return null;
        }
        if (round.Mode != mode)
        {
            return new FieldError("", wrongModeKey);
        }
        if (now < round.BookingOpensAt)
        {
            return new FieldError("", "Booking.NotOpenYet", SchoolCalendar.ToLocal(round.BookingOpensAt).ToString("f"));
        }
        return now > round.BookingClosesAt ? new FieldError("", "Booking.Closed") : null;
    }

    /// <summary>Topics, interpreter and video; <paramref name="videoPossible"/>: the slot (or, for a request, any teacher) offers video, or the round is digital.</summary>
    public static FieldError? Details(BookingDetails details, bool videoPossible)
    {
        if (details.Topics is { Length: > BookingRules.MaxTopicsLength })
        {
            return new FieldError("Topics", "Booking.TopicsTooLong", BookingRules.MaxTopicsLength);
        }
        if (details.InterpreterLanguage is { Length: > 40 })
        {
            return new FieldError("InterpreterLanguage", "Booking.InterpreterTooLong");
        }
        if (details.Mode == MeetingMode.Video && !videoPossible)
        {
            return new FieldError("Mode", "Booking.NoVideo");
        }
        return null;
    }

    private static readonly CompiledPerModel<Func<AppDbContext, Guid, Guid, Guid, Guid?, IAsyncEnumerable<Guid>>> TeachersBooked = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid roundId, Guid householdId, Guid studentId, Guid? movingBookingId) => db.Bookings
            .Where(b => b.RoundId == roundId && b.HouseholdId == householdId && b.ActiveSlotId != null && b.Id != movingBookingId && b.StudentId == studentId)
            .Select(b => b.StaffMemberId)));

    private sealed record SlotTaken(bool Taken, bool Clash);

    /// <summary>Whether someone else holds the slot, and whether the household (or the student) is busy then, in one round trip.</summary>
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, string, string, Guid?, CancellationToken, Task<SlotTaken?>>> SlotState = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid slotId, string householdOwner, string studentOwner, Guid? movingBookingId, CancellationToken ct) => db.Slots
            .Where(s => s.Id == slotId)
            .Select(s => new SlotTaken(
                db.Bookings.Any(b => b.ActiveSlotId == s.Id && b.Id != movingBookingId),
                db.TimeClaims.Any(c => (c.Owner == householdOwner || c.Owner == studentOwner) && c.BookingId != movingBookingId
                                       && c.Cell >= s.StartsAt && c.Cell < s.EndsAt)))
            .FirstOrDefault()));

    public static async Task<FieldError?> ForNewBookingAsync(
        AppDbContext db, FamilyContext family, Slot slot, BookingDetails details, DateTime now, CancellationToken ct, Guid? movingBookingId = null)
    {
        var round = family.Round;
        if (Window(round, now, family.ByStaff) is { } closed)
        {
            return closed;
        }
        if (slot.StartsAt <= now)
        {
            return new FieldError("SlotId", "Booking.InThePast");
        }
        var teachers = (await TeachersOfStudent.ForRoundAsync(db, round, [family.StudentId], ct)).GetValueOrDefault(family.StudentId) ?? [];
        var teacher = teachers.FirstOrDefault(t => t.StaffMemberId == slot.StaffMemberId);
        if (teacher is null)
        {
            return new FieldError("SlotId", "Booking.WrongTeacher");
        }
        if (Details(details, slot.VideoLink is not null || round.Form == ConversationForm.Digital) is { } invalid)
        {
            return invalid;
        }
        // The teachers this child already has a conversation with in this household, in one round trip.
        var booked = await TeachersBooked.For(db)(db, round.Id, family.HouseholdId, family.StudentId, movingBookingId).ListAsync(ct);
        if (teacher.Role == StaffRole.SubjectTeacher && movingBookingId is null)
        {
            var subjectIds = teachers.Where(t => t.Role == StaffRole.SubjectTeacher).Select(t => t.StaffMemberId).ToHashSet();
            if (booked.Count(subjectIds.Contains) >= round.MaxSubjectTeachers)
            {
                return new FieldError("SlotId", "Booking.SubjectCap", round.MaxSubjectTeachers);
            }
        }
        if (booked.Contains(slot.StaffMemberId))
        {
            return new FieldError("SlotId", "Booking.AlreadyWithTeacher");
        }
        var state = await SlotState.For(db)(db, slot.Id, TimeClaims.Household(family.HouseholdId), TimeClaims.Student(family.StudentId), movingBookingId, ct);
        // A slot the teacher removed in the meantime is as gone as one someone else took.
        if (state is null || state.Taken)
        {
            return new FieldError("SlotId", "Booking.JustTaken");
        }
        return state.Clash ? new FieldError("SlotId", "Booking.Overlaps") : null;
    }
}
