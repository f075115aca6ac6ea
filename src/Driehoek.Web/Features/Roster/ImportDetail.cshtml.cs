using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Roster;

[AccessRule(Resource.RosterImport)]
public sealed class ImportDetailModel(GetRosterImport query, CommitRoster commit, IStringLocalizer<RosterText> text) : PageModel
{
    public RosterImportView Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, Guid importId, CancellationToken ct) =>
        await LoadAsync(schoolId, importId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid schoolId, Guid importId, bool confirmNewGroups, CancellationToken ct)
    {
        if (!await LoadAsync(schoolId, importId, ct))
        {
            return NotFound();
        }
        var result = await commit.HandleAsync(importId, confirmNewGroups, ct);
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            return Page();
        }
        return Redirect($"/school/{schoolId}/import/{importId}");
    }

    /// <summary>One difference as a sentence; an empty value reads as "empty", or "no address" for a household.</summary>
    public string Describe(ConflictDifference difference)
    {
        var empty = text[difference.Key is "Conflict.Household" or "Conflict.JoinsHousehold" ? "Conflict.NoAddress" : "Conflict.Empty"].Value;
        return text[difference.Key, difference.Args.Select(a => a.Length == 0 ? empty : a).ToArray<object>()];
    }

    private async Task<bool> LoadAsync(Guid schoolId, Guid importId, CancellationToken ct)
    {
        var result = await query.HandleAsync(importId, ct);
        if (!result.Ok || result.Value!.SchoolId != schoolId)
        {
            return false;
        }
        Import = result.Value;
        return true;
    }
}
