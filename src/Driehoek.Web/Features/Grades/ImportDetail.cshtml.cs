using Driehoek.Web.Features.Roster;
using Driehoek.Web.Features.Roster.Csv;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Grades;

[AccessRule(Resource.GradeImport)]
public sealed class ImportDetailModel(GetGradeImport query, CommitGrades commit, IStringLocalizer<GradesText> text, IStringLocalizer<RosterText> roster)
    : PageModel
{
    public GradeImportView Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, Guid importId, CancellationToken ct) =>
        await LoadAsync(schoolId, importId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid schoolId, Guid importId, CancellationToken ct)
    {
        if (!await LoadAsync(schoolId, importId, ct))
        {
            return NotFound();
        }
        var result = await commit.HandleAsync(importId, ct);
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            return Page();
        }
        return Redirect($"/school/{schoolId}/grades/{importId}");
    }

    /// <summary>A problem on a line in words: the grade import's own, or the shared CSV reading's (the roster import's wording).</summary>
    public string Describe(RosterIssue issue) =>
        (issue.Key.StartsWith("Roster.", StringComparison.Ordinal) ? (IStringLocalizer)roster : text)[issue.Key, issue.Args];

    private async Task<bool> LoadAsync(Guid schoolId, Guid importId, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, importId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Import = result.Value!;
        return true;
    }
}
