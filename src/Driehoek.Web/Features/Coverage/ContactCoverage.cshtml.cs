using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Coverage;

/// <summary>The school's contact with its families this year, per group: the contact arrangement's counts beside the cycle's.</summary>
[AccessRule(Resource.CycleCoverage)]
public sealed class ContactCoverageModel(GetContactCoverage query) : PageModel
{
    public ContactCoverageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
