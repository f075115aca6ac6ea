using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.Rounds)]
public sealed class RoundModel(GetRound query, PublishRound publish, CancelRound cancel, IStringLocalizer<RoundsText> text) : PageModel
{
    public RoundSummary Summary { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, string? notice, CancellationToken ct)
    {
        Notice = notice is "Round.Published" or "Round.Cancelled" ? notice : null;
        return await LoadAsync(roundId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid roundId, Guid version, CancellationToken ct) =>
        await AfterAsync(roundId, await publish.HandleAsync(new PublishRoundCommand(roundId, version), ct), "Round.Published", ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid roundId, Guid version, bool sure, CancellationToken ct)
    {
        if (!sure)
        {
            if (!await LoadAsync(roundId, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError("sure", text["Round.CancelConfirmFirst"]);
            return Page();
        }
        var result = await cancel.HandleAsync(new CancelRoundCommand(roundId, version), ct);
        return await AfterAsync(roundId, result, "Round.Cancelled", ct);
    }

    private Task<IActionResult> AfterAsync<T>(Guid roundId, Result<T> result, string notice, CancellationToken ct) =>
        this.AfterCommandAsync(result, text, () => LoadAsync(roundId, ct), $"/rounds/{roundId}?notice={notice}");

    private async Task<bool> LoadAsync(Guid roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Summary = result.Value!;
        return true;
    }
}
