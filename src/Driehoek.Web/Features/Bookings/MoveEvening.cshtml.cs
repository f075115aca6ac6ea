using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// A leader moves a whole evening of a round to another day: pick the day and the new date, see whom it
/// touches and what stands in the way, confirm, and every family hears once.
/// </summary>
[AccessRule(Resource.Rounds)]
public sealed class MoveEveningModel(MoveEvening move, IStringLocalizer<AvailabilityText> text) : PageModel
{
    public EveningMove View { get; private set; } = null!;
    public int? Moved { get; private set; }

    [BindProperty] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, DateOnly? from, DateOnly? to, int? moved, CancellationToken ct)
    {
        Moved = moved;
        return await LoadAsync(roundId, from, to, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId, DateOnly? from, DateOnly? to, bool sure, CancellationToken ct)
    {
        if (from is null || to is null || !sure)
        {
            if (!await LoadAsync(roundId, from, to, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError(sure ? "to" : "sure", text[sure ? "MoveEvening.ChooseDays" : "MoveEvening.ConfirmFirst"]);
            return Page();
        }
        var result = await move.HandleAsync(new MoveEveningCommand(roundId, from.Value, to.Value, Message), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, from, to, ct),
            $"/rounds/{roundId}/move-evening?from={to.Value:yyyy-MM-dd}&moved={result.Value}");
    }

    private async Task<bool> LoadAsync(Guid roundId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var result = await move.PreviewAsync(roundId, from, to, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
