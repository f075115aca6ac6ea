using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.TakingPart;

/// <summary>The teacher reads the parents' answers and can decide the conversation goes ahead without the child.</summary>
[AccessRule(Resource.TakingPartDecision)]
public sealed class DecisionModel(GetTakingPartDecision query, DecideWithoutChild decide, IStringLocalizer<TakingPartText> text) : PageModel
{
    public TakingPartDecisionView View { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid studentId, string? notice, CancellationToken ct)
    {
        Notice = notice is "Decided" or "TakenBack" ? "Decision." + notice : null;
        return await LoadAsync(roundId, studentId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid roundId, Guid studentId, WithoutChildReason? reason, CancellationToken ct)
    {
        if (reason is null)
        {
            if (!await LoadAsync(roundId, studentId, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError("reason", text["TakingPart.ChooseReason"]);
            return Page();
        }
        return await ChangeAsync(roundId, studentId, reason, ct);
    }

    public Task<IActionResult> OnPostTakeBackAsync(Guid roundId, Guid studentId, CancellationToken ct) => ChangeAsync(roundId, studentId, null, ct);

    public static string Path(Guid roundId, Guid studentId) => $"/rounds/{roundId}/take-part/{studentId}";

    private async Task<IActionResult> ChangeAsync(Guid roundId, Guid studentId, WithoutChildReason? reason, CancellationToken ct)
    {
        var result = await decide.HandleAsync(new DecideWithoutChildCommand(roundId, studentId, reason), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, studentId, ct),
            $"{Path(roundId, studentId)}?notice={(reason is null ? "TakenBack" : "Decided")}");
    }

    private async Task<bool> LoadAsync(Guid roundId, Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, studentId, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
