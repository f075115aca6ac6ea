using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.FollowThrough;

/// <summary>Per group of a round: booked, came, not reached. Read-only.</summary>
[AccessRule(Resource.RoundOverview)]
public sealed class OverviewModel(GetRoundOverview query) : PageModel
{
    public RoundOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Overview = result.Value!;
        return Page();
    }
}
