using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.FamilyInvitation)]
public sealed class RoundInvitationModel(GetRoundInvitation query) : PageModel
{
    public RoundInvitationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid student, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, student, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
