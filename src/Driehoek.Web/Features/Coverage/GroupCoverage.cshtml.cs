using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Coverage;

/// <summary>One group's families through the year; those not reached first, each with a way to follow up.</summary>
[AccessRule(Resource.GroupCoverage)]
public sealed class GroupCoverageModel(GetGroupCoverage query) : PageModel
{
    public GroupCoverageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, Guid groupId, RoundKind? kind, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, groupId, kind, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
