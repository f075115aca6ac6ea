using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Coverage;

/// <summary>The school's coverage of the cycle: per group and home language; a group opens its families.</summary>
[AccessRule(Resource.CycleCoverage)]
public sealed class SchoolCoverageModel(GetSchoolCoverage query) : PageModel
{
    public SchoolCoverageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, RoundKind? kind, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, kind, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
