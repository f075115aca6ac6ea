using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>A parent (for their household) or the student answers the preparation questions.</summary>
[AccessRule(Resource.FamilyPreparation)]
public sealed class PrepareModel(GetPreparation query, SavePreparation save, IStringLocalizer<RoundFamilyText> text) : PageModel
{
    public PreparationForm Preparation { get; private set; } = null!;
    public IReadOnlyList<string?> Answers { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid student, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, student, ct))
        {
            return NotFound();
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId, Guid student, Guid? version, List<string?>? answers, CancellationToken ct)
    {
        var given = answers ?? [];
        var result = await save.HandleAsync(new SavePreparationCommand(roundId, student, false, given, version), ct);
        // Too long: keep what was typed. Changed by someone else: show theirs, so nothing is overwritten unseen.
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, student, ct), $"{InvitationWording.PreparePath(roundId, student)}&saved=true",
            onRefused: () =>
            {
                if (result.Failure == Failure.Invalid)
                {
                    Answers = given;
                }
            });
    }

    private async Task<bool> LoadAsync(Guid roundId, Guid student, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, student, ct);
        if (!result.Ok)
        {
            return false;
        }
        Preparation = result.Value!;
        Answers = Preparation.Answers;
        return true;
    }
}
