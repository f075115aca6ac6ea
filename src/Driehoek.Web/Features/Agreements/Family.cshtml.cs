using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Agreements;

/// <summary>A child's agreements as the family reads them, in their language: confirm one, or react in a few words.</summary>
[AccessRule(Resource.FamilyAgreements)]
public sealed class FamilyModel(GetAgreements query, RespondToAgreement respond, IStringLocalizer<FamilyAgreementsText> text) : PageModel
{
    public FamilyAgreements View { get; private set; } = null!;
    public bool Saved { get; private set; }
    /// <summary>The agreement whose reaction was refused, to keep what was typed.</summary>
    public Guid? ReactingTo { get; private set; }
    public string? Reaction { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(studentId, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid studentId, Guid agreementId, CancellationToken ct) =>
        RespondAsync(new RespondToAgreementCommand(studentId, agreementId, Confirm: true, null), ct);

    public Task<IActionResult> OnPostReactAsync(Guid studentId, Guid agreementId, string? reaction, CancellationToken ct)
    {
        ReactingTo = agreementId;
        Reaction = reaction is { Length: > AgreementRules.MaxReactionLength * 2 } ? reaction[..(AgreementRules.MaxReactionLength * 2)] : reaction;
        return RespondAsync(new RespondToAgreementCommand(studentId, agreementId, Confirm: false, reaction), ct);
    }

    private async Task<IActionResult> RespondAsync(RespondToAgreementCommand command, CancellationToken ct)
    {
        var result = await respond.HandleAsync(command, ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(command.StudentId, ct),
            AgreementNotices.FamilyPath(command.StudentId) + "?saved=true#agreement-" + command.AgreementId);
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.ForFamilyAsync(studentId, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
