using Driehoek.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Organisation;

[AccessRule(Resource.SchoolSettings)]
public sealed class SettingsModel(GetSchoolSettings query, SaveSchoolSettings save, IStringLocalizer<OrganisationText> text) : PageModel
{
    public SchoolSettings Settings { get; private set; } = null!;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(schoolId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, List<StaffRole>? twoFactorRoles, bool careCoordinatorReadsPreparations,
        int? conversationReplyDays, CancellationToken ct)
    {
        var result = await save.HandleAsync(new SaveSchoolSettingsCommand(schoolId, twoFactorRoles ?? [], careCoordinatorReadsPreparations, conversationReplyDays), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, ct), $"/school/{schoolId}/settings?saved=true");
    }

    private async Task<bool> LoadAsync(Guid schoolId, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, ct);
        Settings = result.Value!;
        return result.Ok;
    }
}
