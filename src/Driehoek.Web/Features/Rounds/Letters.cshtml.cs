using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.Letters)]
public sealed class LettersModel(GetLetters query, MarkLettersPrinted mark, IConfiguration config, IStringLocalizer<InvitationStaffText> text) : PageModel
{
    public LetterSet Set { get; private set; } = null!;
    public IConfiguration Config => config;
    public int? Marked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid? group, string? search, [FromQuery(Name = "page")] int? pageNumber, bool all,
        int? marked, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, new StudentListFilter(group, search, pageNumber ?? 1), all, ct))
        {
            return NotFound();
        }
        Marked = marked;
        return Page();
    }

    public async Task<IActionResult> OnPostPrintedAsync(Guid roundId, Guid? group, string? search, [FromForm(Name = "page")] int? pageNumber,
        bool all, bool sure, List<Guid>? ids, CancellationToken ct)
    {
        var filter = new StudentListFilter(group, search, pageNumber ?? 1);
        if (!sure)
        {
            if (!await LoadAsync(roundId, filter, all, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError("sure", text["Letters.ConfirmFirst"]);
            return Page();
        }
        var result = await mark.HandleAsync(new MarkLettersPrintedCommand(roundId, ids ?? []), ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        return Redirect($"/rounds/{roundId}/letters?group={group}&search={Uri.EscapeDataString(search ?? "")}&page={filter.Page}"
                        + $"&all={all.ToString().ToLowerInvariant()}&marked={result.Value}");
    }

    private async Task<bool> LoadAsync(Guid roundId, StudentListFilter filter, bool all, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, filter, all, ct);
        if (!result.Ok)
        {
            return false;
        }
        Set = result.Value!;
        return true;
    }
}
