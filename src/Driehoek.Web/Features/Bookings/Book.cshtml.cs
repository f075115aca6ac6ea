using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>A household's booking page for a round: every child, every teacher, every free time.</summary>
[AccessRule(Resource.FamilyBooking)]
public sealed class BookModel(GetBookingOptions query, JoinWaitingList join, IStringLocalizer<BookingsText> text) : PageModel
{
    public BookingOptions Options { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, string? notice, CancellationToken ct)
    {
        Notice = notice is "Book.Cancelled" or "Book.Waiting" ? notice : null;
        return await LoadAsync(roundId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWaitAsync(Guid roundId, Guid studentId, Guid staffMemberId, CancellationToken ct)
    {
        // A refusal (booking closed, not a self-booking round) is shown on the page, not confirmed as joined.
        var result = await join.HandleAsync(new JoinWaitingListCommand(roundId, studentId, staffMemberId), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, ct), $"/rounds/{roundId}/book?notice=Book.Waiting");
    }

    private async Task<bool> LoadAsync(Guid roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Options = result.Value!;
        return true;
    }
}
