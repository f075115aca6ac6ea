using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Records;

/// <summary>The student follows their part of a three-way conversation on screen.</summary>
[AccessRule(Resource.ConversationGuide)]
public sealed class GuideModel(GetGuide query) : PageModel
{
    public GuideView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid bookingId, CancellationToken ct)
    {
        var result = await query.HandleAsync(bookingId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
