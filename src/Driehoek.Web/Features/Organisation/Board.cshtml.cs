using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Organisation;

[AccessRule(Resource.Board)]
public sealed class BoardModel(GetBoardOverview handler, SaveBoardSettings save) : PageModel
{
    public BoardOverview Overview { get; private set; } = null!;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid boardId, bool saved, CancellationToken ct)
    {
        var result = await handler.HandleAsync(boardId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Overview = result.Value!;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid boardId, bool twoFactorForAdmins, bool handoverFollowsStudent, CancellationToken ct) =>
        (await save.HandleAsync(new SaveBoardSettingsCommand(boardId, twoFactorForAdmins, handoverFollowsStudent), ct)).Ok
            ? Redirect($"/board/{boardId}?saved=true")
            : NotFound();
}
