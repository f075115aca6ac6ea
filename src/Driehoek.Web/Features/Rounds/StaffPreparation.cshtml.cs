using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>The teacher prepares a child's conversation and reads what the parents and the student prepared.</summary>
[AccessRule(Resource.StaffPreparation)]
public sealed class StaffPreparationModel(GetStaffPreparation query, SavePreparation save, IStringLocalizer<RoundFamilyText> text) : PageModel
{
    public StaffPreparationView View { get; private set; } = null!;
    public IReadOnlyList<string?> Answers { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid studentId, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, studentId, ct))
        {
            return NotFound();
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId, Guid studentId, Guid? version, List<string?>? answers, CancellationToken ct)
    {
        var given = answers ?? [];
        var result = await save.HandleAsync(new SavePreparationCommand(roundId, studentId, true, given, version), ct);
        // Reloaded (and its read audited) only when the save is refused.
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, studentId, ct), $"/rounds/{roundId}/prepare/{studentId}?saved=true",
            onRefused: () =>
            {
                if (result.Failure == Failure.Invalid)
                {
                    Answers = given;
                }
            });
    }

    private async Task<bool> LoadAsync(Guid roundId, Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, studentId, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        Answers = View.OwnAnswers;
        return true;
    }
}
