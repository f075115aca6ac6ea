using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

[AccessRule(Resource.Booking)]
public sealed class BookingDetailModel(GetBooking query, CancelBooking cancel, MoveBooking move, ChangeBookingTopics changeTopics, TimeProvider clock,
    IStringLocalizer<BookingsText> text) : PageModel
{
    public BookingView Booking { get; private set; } = null!;
    public string? Notice { get; private set; }
    public bool TopicsOpen { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid bookingId, bool booked, bool moved, bool topicsSaved, CancellationToken ct)
    {
        Notice = booked ? "Detail.Booked" : moved ? "Detail.Moved" : topicsSaved ? "Detail.TopicsSaved" : null;
        return await LoadAsync(bookingId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid bookingId, Guid version, bool sure, string? message, CancellationToken ct)
    {
        if (!await LoadAsync(bookingId, ct))
        {
            return NotFound();
        }
        if (!sure)
        {
            ModelState.AddModelError("sure", text["Detail.CancelConfirmFirst"]);
            return Page();
        }
        var result = await cancel.HandleAsync(new CancelBookingCommand(bookingId, version, message), ct);
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            return Page();
        }
        return Booking.Actor == Actor.Household
            ? Redirect($"/rounds/{result.Value}/book?notice=Book.Cancelled")
            : Redirect($"/rounds/{result.Value}");
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid bookingId, Guid slotId, Guid version, string? message, CancellationToken ct)
    {
        var attempt = await move.HandleAsync(new MoveBookingCommand(bookingId, slotId, version, message), ct);
        return await this.AfterCommandAsync(attempt.Outcome, text, () => LoadAsync(bookingId, ct), $"/bookings/{bookingId}?moved=true");
    }

    public async Task<IActionResult> OnPostTopicsAsync(Guid bookingId, Guid version, string? topics, List<TopicAreas> areas, CancellationToken ct)
    {
        var result = await changeTopics.HandleAsync(new ChangeBookingTopicsCommand(bookingId, topics, TopicsFields.Combine(areas), version), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(bookingId, ct), $"/bookings/{bookingId}?topicsSaved=true",
            onRefused: () => TopicsOpen = true);
    }

    private async Task<bool> LoadAsync(Guid bookingId, CancellationToken ct)
    {
        var result = await query.HandleAsync(bookingId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Booking = result.Value!;
        return true;
    }
}
