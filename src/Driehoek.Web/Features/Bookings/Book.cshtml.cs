using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Bookings;

/// <summary>A household's booking page for a round: every child, every teacher, every free time.</summary>
public sealed class BookModel(GetBookingOptions query, JoinWaitingList join) : PageModel
{
    public BookingOptions Options { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, string? notice, CancellationToken ct)
    {
        Notice = notice is "Book.Cancelled" or "Book.Waiting" ? notice : null;
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Options = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostWaitAsync(Guid roundId, Guid studentId, Guid staffMemberId, CancellationToken ct)
    {
        var result = await join.HandleAsync(new JoinWaitingListCommand(roundId, studentId, staffMemberId), ct);
        return result.Failure == Failure.NotFound ? NotFound() : Redirect($"/rounds/{roundId}/book?notice=Book.Waiting");
    }
}
