using Driehoek.Web.Features.Records;
using Microsoft.AspNetCore.Mvc;

namespace Driehoek.Web.Features.Feedback;

/// <param name="MayGive">the reader is the conversation's teacher and it was held: a link to their own tops and tips</param>
public sealed record FeedbackOnRecord(Guid BookingId, bool MayGive, IReadOnlyList<FeedbackEntry> Entries);

public sealed record FeedbackEntry(FeedbackGiver Giver, int Rating, FeedbackPoints Tops, FeedbackPoints Tips, string? TopText, string? TipText,
    DateTime UpdatedAt);

/// <summary>
/// The tops and tips given on one conversation, on its record: for whoever may read the record (its teacher, the
/// school's leaders, the care coordinator where the school allows). Renders nothing for anyone else.
/// </summary>
public sealed class ConversationFeedbackViewComponent(AppDbContext db, Access access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid bookingId)
    {
        var ct = HttpContext.RequestAborted;
        var target = await RecordAccess.FindAsync(db, access, bookingId, Act.View, ct);
        if (target is null)
        {
            return Content("");
        }
        var given = await db.ConversationFeedback.AsNoTracking().Where(f => f.BookingId == bookingId)
            .OrderBy(f => f.Giver).ThenBy(f => f.CreatedAt)
            .Select(f => new FeedbackEntry(f.Giver, f.Rating, f.Tops, f.Tips, f.TopText, f.TipText, f.UpdatedAt))
            .ToListAsync(ct);
        return View("~/Features/Feedback/_ConversationFeedback.cshtml", new FeedbackOnRecord(bookingId,
            target.Relations.Contains(Relation.MetTeacher) && target.Booking.Status == Bookings.BookingStatus.Held, given));
    }
}
