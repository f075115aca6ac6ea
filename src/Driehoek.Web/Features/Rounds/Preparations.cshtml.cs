using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.Preparations)]
public sealed class PreparationsModel(GetPreparationList query) : PageModel
{
    public PreparationList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid? group, string? search, [FromQuery(Name = "page")] int? pageNumber,
        CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, new StudentListFilter(group, search, pageNumber ?? 1), ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        List = result.Value!;
        return Page();
    }
}
