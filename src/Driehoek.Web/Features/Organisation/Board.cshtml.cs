using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Organisation;

[AccessRule(Resource.Board)]
public sealed class BoardModel(GetBoardOverview handler) : PageModel
{
    public BoardOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid boardId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(boardId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Overview = result.Value!;
        return Page();
    }
}
