using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Handover;

/// <summary>A school's choice about the handover: from which age students read their own.</summary>
[AccessRule(Resource.SchoolSettings)]
public sealed class SettingsModel(SaveHandoverSettings settings, IStringLocalizer<HandoverText> text) : PageModel
{
    public HandoverSettingsView Settings { get; private set; } = null!;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(schoolId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, int? studentsFromAge, CancellationToken ct)
    {
        var result = await settings.HandleAsync(new SaveHandoverSettingsCommand(schoolId, studentsFromAge), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, ct), $"/school/{schoolId}/handover-settings?saved=true");
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
