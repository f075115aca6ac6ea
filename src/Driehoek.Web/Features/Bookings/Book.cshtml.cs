using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// A household's booking page for a round: every child, every teacher, every free time; for a secondary family
/// teacher first (<see cref="TeacherFirstView"/>): pick the teachers, then book a suggested evening in one go.
/// </summary>
[AccessRule(Resource.FamilyBooking)]
public sealed class BookModel(GetBookingOptions query, JoinWaitingList join, BookSeveral several, IStringLocalizer<BookingsText> text) : PageModel
{
    private static readonly string[] Notices = ["Book.Cancelled", "Book.Waiting", "Book.BookedAll"];

    public BookingOptions Options { get; private set; } = null!;
    public TeacherFirstView? TeacherFirst { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, string? notice, string[] t, CancellationToken ct)
    {
        Notice = Notices.Contains(notice) ? notice : null;
        if (!await LoadAsync(roundId, t, ct))
        {
            return NotFound();
        }
        foreach (var error in TeacherFirst?.CapErrors ?? [])
        {
            ModelState.AddModelError("", text[error.Key, error.Args]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostWaitAsync(Guid roundId, Guid studentId, Guid staffMemberId, string[] t, CancellationToken ct)
    {
        // A refusal (booking closed, not a self-booking round) is shown on the page, not confirmed as joined.
        var result = await join.HandleAsync(new JoinWaitingListCommand(roundId, studentId, staffMemberId), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, t, ct), $"/rounds/{roundId}/book?notice=Book.Waiting" + Chosen(t));
    }

    /// <summary>The suggested evening, as the family left it: one time per teacher, or none ("not now").</summary>
    public async Task<IActionResult> OnPostBookAllAsync(Guid roundId, string[] t, string[] pick, CancellationToken ct)
    {
        var picks = new List<SlotPick>();
        foreach (var value in pick)
        {
            if (TeacherKey.TryParse(value, out var studentId, out var slotId))
            {
                picks.Add(new SlotPick(studentId, slotId));
            }
        }
        var result = await several.HandleAsync(new BookSeveralCommand(roundId, picks), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, t, ct), $"/rounds/{roundId}/book?notice=Book.BookedAll");
    }

    /// <summary>The chosen teachers carried to the next page; an empty value (a form sent without them) carries nothing.</summary>
    private static string Chosen(IEnumerable<string?> t) =>
        string.Concat(t.Where(v => !string.IsNullOrEmpty(v)).Select(v => "&t=" + Uri.EscapeDataString(v!)));

    private async Task<bool> LoadAsync(Guid roundId, string[] t, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Options = result.Value!;
        TeacherFirst = TeacherFirstView.For(Options, t, out var notTheirs);
        return !notTheirs;
    }
}
