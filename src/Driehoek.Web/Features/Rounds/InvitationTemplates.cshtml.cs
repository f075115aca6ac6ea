using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.InvitationTexts)]
public sealed class InvitationTemplatesModel(GetInvitationTemplates query) : PageModel
{
    public TemplateOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, CancellationToken ct)
    {
        var result = await query.OverviewAsync(schoolId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Overview = result.Value!;
        return Page();
    }
}
