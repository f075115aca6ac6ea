using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Agreements;

/// <summary>A school's choices about agreements, next to its other settings.</summary>
[AccessRule(Resource.SchoolSettings)]
public sealed class SettingsModel(SaveAgreementSettings settings, IStringLocalizer<AgreementsText> text) : PageModel
{
    public AgreementSettingsView Settings { get; private set; } = null!;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(schoolId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, bool studentsSee, int reminderDaysBefore, CancellationToken ct)
    {
        var result = await settings.HandleAsync(new SaveAgreementSettingsCommand(schoolId, studentsSee, reminderDaysBefore), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, ct), $"/school/{schoolId}/agreement-settings?saved=true");
    }

    private async Task<bool> LoadAsync(Guid schoolId, CancellationToken ct)
    {
        var result = await settings.GetAsync(schoolId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Settings = result.Value!;
        return true;
    }
}
