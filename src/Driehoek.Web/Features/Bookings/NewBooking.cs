using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Bookings;

/// <summary>Who a booking is for and who made it: the child, the household, and the guardian and account that booked.</summary>
/// <summary>Who a booking is for and who made it: <paramref name="GuardianId"/> is null when staff booked for the family (a call, a letter).</summary>
public sealed record BookingParty(Guid StudentId, Guid HouseholdId, Guid? GuardianId, Guid UserId);

/// <summary>
/// The one way a booking comes into being — a family booking a slot, the school publishing a parent
/// evening, the demo — so that its active key (one live booking per child, household and teacher) and
/// its time claims (the household and, when the student takes part, the student) are never forgotten.
/// The caller checks, adds the notices and saves.
/// </summary>
public static class NewBooking
{
    public static Booking Add(AppDbContext db, ConversationRound round, Slot slot, BookingParty party, BookingDetails details,
        DateTime startsAt, DateTime endsAt, DateTime now)
    {
        var booking = new Booking
        {
            SchoolId = round.SchoolId, RoundId = round.Id, SlotId = slot.Id, ActiveSlotId = slot.Id,
            ActiveKey = Booking.KeyFor(round.Id, party.StudentId, party.HouseholdId, slot.StaffMemberId),
            StaffMemberId = slot.StaffMemberId, StudentId = party.StudentId, HouseholdId = party.HouseholdId,
            BookedByGuardianId = party.GuardianId, BookedByUserId = party.UserId,
            StartsAt = startsAt, EndsAt = endsAt, CreatedAt = now,
            Topics = BookingChecks.CleanTopics(details.Topics), TopicAreas = details.Areas & BookingChecks.AllAreas,
            InterpreterLanguage = string.IsNullOrWhiteSpace(details.InterpreterLanguage) ? null : details.InterpreterLanguage.Trim(),
            Mode = details.Mode,
            // The confirmation that goes out now is reminder enough for a conversation this close.
            ReminderSentAt = BookingRules.ReminderAlreadyCovered(startsAt, now),
        };
        db.Bookings.Add(booking);
        db.TimeClaims.AddRange(TimeClaims.For(booking, round));
        return booking;
    }
}
