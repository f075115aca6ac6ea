using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.Feedback;

/// <summary>Why someone who took part cannot give feedback (yet or any more); null when they can.</summary>
public enum FeedbackClosed
{
    NotHeld = 1,
    StudentNotPresent = 2,
    Over = 3,
}

/// <summary>A conversation the signed-in person took part in, as whom, and whether feedback is open to them now.</summary>
public sealed record FeedbackTarget(Booking Booking, FeedbackGiver Giver, FeedbackClosed? Closed)
{
    public DateTime OpenUntil => Booking.EndsAt.AddDays(ConversationFeedback.OpenDays);
}

public static class FeedbackAccess
{
    /// <summary>
    /// The booking if the signed-in person took part in it: its teacher, a parent of its household, or the student.
    /// Anyone else (another family, a separated parent's other household, another teacher, a leader) gets null.
    /// Feedback opens once the conversation is marked held (for the student: only if they were there) and closes
    /// <see cref="ConversationFeedback.OpenDays"/> days after it.
    /// </summary>
    public static async Task<FeedbackTarget?> FindAsync(AppDbContext db, Access access, Guid bookingId, Act act, DateTime now, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || booking.Status == BookingStatus.Cancelled)
        {
            return null;
        }
        var relations = await BookingOwner.RelationsAsync(db, access, booking, ct);
        if (!await access.PermitsAsync(Resource.ConversationFeedback, act, relations, booking.SchoolId, ct))
        {
            return null;
        }
        var giver = relations.Contains(Relation.MetTeacher) ? FeedbackGiver.Teacher
            : relations.Contains(Relation.Household) ? FeedbackGiver.Parent
            : FeedbackGiver.Student;
        FeedbackClosed? closed = booking.Status != BookingStatus.Held ? FeedbackClosed.NotHeld
            : giver == FeedbackGiver.Student && booking.StudentPresent != true ? FeedbackClosed.StudentNotPresent
            : booking.EndsAt.AddDays(ConversationFeedback.OpenDays) < now ? FeedbackClosed.Over
            : null;
        return new FeedbackTarget(booking, giver, closed);
    }
}
