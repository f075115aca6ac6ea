using System.Globalization;
using Driehoek.Web.Features.Bookings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.FollowThrough;

/// <summary>The teacher's printable day list, with a small form per conversation to record how it went.</summary>
[AccessRule(Resource.DayList)]
public sealed class DayListModel(GetDayList query, RecordOutcome record, IStringLocalizer<FollowThroughText> text) : PageModel
{
    public DayList Day { get; private set; } = null!;
    public Guid? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, string? date, Guid? staff, Guid? saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(roundId, date, staff, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid roundId, string? date, Guid? staff, Guid bookingId, BookingStatus? outcome,
        bool studentPresent, bool sure, Guid version, CancellationToken ct)
    {
        if (outcome == BookingStatus.Cancelled && !sure)
        {
            return await ShowErrorAsync(roundId, date, staff, ct, e => e.AddModelError("sure", text["Outcome.ConfirmCancel"]));
        }
        var result = await record.HandleAsync(new RecordOutcomeCommand(bookingId, outcome ?? default, studentPresent, version), ct);
        if (result.Failure == Failure.NotFound)
        {
            return NotFound();
        }
        if (!result.Ok)
        {
            return await ShowErrorAsync(roundId, date, staff, ct, e => result.CopyTo(e, text));
        }
        var query = $"date={Uri.EscapeDataString(date ?? "")}" + (staff is { } s ? $"&staff={s}" : "") + $"&saved={bookingId}";
        return Redirect($"/rounds/{roundId}/day?{query}#booking-{bookingId}");
    }

    private async Task<IActionResult> ShowErrorAsync(Guid roundId, string? date, Guid? staff, CancellationToken ct,
        Action<Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary> errors)
    {
        if (!await LoadAsync(roundId, date, staff, ct))
        {
            return NotFound();
        }
        errors(ModelState);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid roundId, string? date, Guid? staff, CancellationToken ct)
    {
        DateOnly? day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var result = await query.HandleAsync(new DayListQuery(roundId, day, staff), ct);
        if (!result.Ok)
        {
            return false;
        }
        Day = result.Value!;
        return true;
    }
}
