using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Agreements;

/// <summary>
/// Changing one agreement or marking it done or dropped. When someone else changed it since the form was opened,
/// the page says so and shows what is saved now next to this person's version, which they can save again.
/// </summary>
[AccessRule(Resource.Agreements)]
public sealed class EditModel(GetAgreements query, EditAgreement edit, IStringLocalizer<AgreementsText> text) : PageModel
{
    public StudentAgreements Student { get; private set; } = null!;
    public AgreementView Saved { get; private set; } = null!;
    public AgreementFields Form { get; private set; } = null!;
    public AgreementStatus Status { get; private set; }
    public bool ChangedMeanwhile { get; private set; }
    /// <summary>The version the form carries: the one it was opened on, or after a conflict the one saved now.</summary>
    public Guid Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid agreementId, CancellationToken ct)
    {
        if (!await LoadAsync(agreementId, ct))
        {
            return NotFound();
        }
        Form = new AgreementFields(Saved.What, Saved.Why, Saved.How, Saved.DueOn, Saved.CheckOn, Saved.OwnerValue);
        Status = Saved.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid agreementId, Guid version, string? owner, string? what, string? why, string? how,
        DateOnly? dueOn, DateOnly? checkOn, AgreementStatus status, CancellationToken ct)
    {
        Form = new AgreementFields(what, why, how, dueOn, checkOn, owner);
        Status = status;
        var result = await edit.HandleAsync(new EditAgreementCommand(agreementId, Form, status, version), ct);
        if (result.Ok)
        {
            return Redirect(AgreementNotices.StaffPath(result.Value) + "?saved=true#agreement-" + agreementId);
        }
        if (result.Failure == Failure.NotFound || !await LoadAsync(agreementId, ct))
        {
            return NotFound();
        }
        result.CopyTo(ModelState, text);
        ChangedMeanwhile = result.Failure == Failure.Conflict;
        if (!ChangedMeanwhile)
        {
            Version = version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid agreementId, CancellationToken ct)
    {
        var result = await query.ForEditAsync(agreementId, ct);
        if (!result.Ok)
        {
            return false;
        }
        (Student, Saved) = result.Value;
        Version = Saved.Version;
        return true;
    }
}
