using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Rollover;

/// <summary>A board admin's schools, each with its year and its own rollover (the board's own overview: <see cref="Resource.Board"/>).</summary>
[AccessRule(Resource.Board)]
public sealed class BoardRolloverModel(GetBoardRollover query) : PageModel
{
    public BoardRolloverView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid boardId, CancellationToken ct)
    {
        var result = await query.HandleAsync(boardId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
