using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Feedback;

/// <summary>A school leader reads the school's tops and tips in numbers, per form and per round.</summary>
[AccessRule(Resource.FeedbackTotals)]
public sealed class TotalsModel(GetFeedbackTotals query) : PageModel
{
    public FeedbackTotalsView View { get; private set; } = null!;

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
