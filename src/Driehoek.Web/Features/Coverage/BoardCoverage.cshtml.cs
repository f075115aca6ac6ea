using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Coverage;

/// <summary>A board admin compares the schools' coverage of the cycle (the board's own overview: <see cref="Resource.Board"/>).</summary>
[AccessRule(Resource.Board)]
public sealed class BoardCoverageModel(GetBoardCoverage query) : PageModel
{
    public BoardCoverageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid boardId, RoundKind? kind, CancellationToken ct)
    {
        var result = await query.HandleAsync(boardId, kind, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
