using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Records;

/// <summary>A parent or the student reads what the school shares with them about the child.</summary>
[AccessRule(Resource.SharedWithFamily)]
public sealed class SharedModel(GetSharedWithFamily query) : PageModel
{
    public SharedView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
