using Driehoek.Web.Features.Conversations;
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
    public static FieldError? Window(ConversationRound round, DateTime now, bool staff = false)
    {
        if (round.Status == RoundStatus.Cancelled)
        {
            return new FieldError("", "Booking.RoundCancelled");
        }
        if (staff)
        {
            return null;
        }
        if (round.Mode != RoundMode.SelfBooking)
        {
            return new FieldError("", "Booking.NotSelfBooking");
        }
        if (now < round.BookingOpensAt)
        {
            return new FieldError("", "Booking.NotOpenYet", SchoolCalendar.ToLocal(round.BookingOpensAt).ToString("f"));
        }
        return now > round.BookingClosesAt ? new FieldError("", "Booking.Closed") : null;
    }

    public static FieldError? Details(BookingDetails details, Slot slot, ConversationRound round)
    {
        if (details.Topics is { Length: > BookingRules.MaxTopicsLength })
        {
            return new FieldError("Topics", "Booking.TopicsTooLong", BookingRules.MaxTopicsLength);
        }
        if (details.InterpreterLanguage is { Length: > 40 })
        {
            return new FieldError("InterpreterLanguage", "Booking.InterpreterTooLong");
        }
        if (details.Mode == MeetingMode.Video && slot.VideoLink is null && round.Form != ConversationForm.Digital)
        {
            return new FieldError("Mode", "Booking.NoVideo");
        }
        return null;
    }

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
        if (Details(details, slot, round) is { } invalid)
        {
            return invalid;
        }
        var household = db.Bookings.Where(b => b.RoundId == round.Id && b.HouseholdId == family.HouseholdId
                                               && b.ActiveSlotId != null && b.Id != movingBookingId);
        if (teacher.Role == StaffRole.SubjectTeacher && movingBookingId is null)
        {
            var subjectIds = teachers.Where(t => t.Role == StaffRole.SubjectTeacher).Select(t => t.StaffMemberId).ToList();
            var taken = await household.CountAsync(b => b.StudentId == family.StudentId && subjectIds.Contains(b.StaffMemberId), ct);
            if (taken >= round.MaxSubjectTeachers)
            {
                return new FieldError("SlotId", "Booking.SubjectCap", round.MaxSubjectTeachers);
            }
        }
        if (await household.AnyAsync(b => b.StudentId == family.StudentId && b.StaffMemberId == slot.StaffMemberId, ct))
        {
            return new FieldError("SlotId", "Booking.AlreadyWithTeacher");
        }
        if (await db.Bookings.AnyAsync(b => b.ActiveSlotId == slot.Id && b.Id != movingBookingId, ct))
        {
            return new FieldError("SlotId", "Booking.JustTaken");
        }
        var owners = new[] { $"h:{family.HouseholdId:N}", $"s:{family.StudentId:N}" };
        var clash = await db.TimeClaims.AnyAsync(c => owners.Contains(c.Owner) && c.BookingId != movingBookingId
                                                      && c.Cell >= slot.StartsAt && c.Cell < slot.EndsAt, ct);
        return clash ? new FieldError("SlotId", "Booking.Overlaps") : null;
    }
}
