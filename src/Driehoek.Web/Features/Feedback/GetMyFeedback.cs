using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Feedback;

public sealed record MyFeedbackView(
    Guid BookingId, string StudentFirstName, string Teacher, DateTime StartsAt, FeedbackGiver Giver, FeedbackClosed? Closed, DateTime OpenUntil,
    bool Given, int? Rating, FeedbackPoints Tops, FeedbackPoints Tips, string? TopText, string? TipText, Guid? Version);

/// <summary>The feedback page of one conversation for someone who took part: their own feedback so far, and whether it is open.</summary>
public sealed class GetMyFeedback(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<MyFeedbackView>> HandleAsync(Guid bookingId, CancellationToken ct)
    {
        var target = await FeedbackAccess.FindAsync(db, access, bookingId, Act.View, clock.GetUtcNow().UtcDateTime, ct);
        if (target is null)
        {
            return Result<MyFeedbackView>.NotFound();
        }
        var booking = target.Booking;
        var student = await db.Students.AsNoTracking().Where(s => s.Id == booking.StudentId).Select(s => s.FirstName).SingleAsync(ct);
        var teacher = await db.StaffMembers.AsNoTracking().Where(m => m.Id == booking.StaffMemberId)
            .Select(m => new { m.FirstName, m.LastNamePrefix, m.LastName }).SingleAsync(ct);
        var mine = await db.ConversationFeedback.AsNoTracking().FirstOrDefaultAsync(f => f.BookingId == bookingId && f.UserId == access.UserId, ct);
        return new MyFeedbackView(booking.Id, student, PersonName.Format(teacher.FirstName, teacher.LastNamePrefix, teacher.LastName), booking.StartsAt,
            target.Giver, target.Closed, target.OpenUntil, mine is not null, mine?.Rating, mine?.Tops ?? FeedbackPoints.None,
            mine?.Tips ?? FeedbackPoints.None, mine?.TopText, mine?.TipText, mine?.Version);
    }
}
