using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.TakingPart;

/// <summary>A parent says whether their child takes part in the three-way conversation (seed 002 asks for permission).</summary>
[AccessRule(Resource.FamilyTakingPart)]
public sealed class FamilyModel(GetFamilyTakingPart query, AnswerTakingPart answer, IStringLocalizer<TakingPartFamilyText> text) : PageModel
{
    public FamilyTakingPartView View { get; private set; } = null!;
    public bool Saved { get; private set; }
    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid student, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(roundId, student, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId, Guid student, bool? takesPart, string? reason, CancellationToken ct)
    {
        if (takesPart is null)
        {
            if (!await LoadAsync(roundId, student, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError("takesPart", text["TakingPart.ChooseAnswer"]);
            Reason = reason;
            return Page();
        }
        var result = await answer.HandleAsync(new AnswerTakingPartCommand(roundId, student, takesPart.Value, reason), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, student, ct), $"{Path(roundId, student)}&saved=true",
            onRefused: () => Reason = reason);
    }

    public static string Path(Guid roundId, Guid studentId) => $"/rounds/{roundId}/take-part?student={studentId}";

    private async Task<bool> LoadAsync(Guid roundId, Guid student, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, student, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        Reason = View.Reason;
        return true;
    }
}
