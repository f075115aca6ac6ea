using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Organisation;

[AccessRule(Resource.School)]
public sealed class SchoolModel(GetSchoolOverview handler) : PageModel
{
    public SchoolOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(schoolId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Overview = result.Value!;
        return Page();
    }
}
