using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Tasks;

[AccessRule(Resource.TaskOversight)]
public sealed class OversightModel(GetOversight query) : PageModel
{
    public Oversight View { get; private set; } = null!;

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
