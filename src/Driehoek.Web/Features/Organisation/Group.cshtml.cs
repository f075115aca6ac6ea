using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Organisation;

[AccessRule(Resource.Group)]
public sealed class GroupModel(GetGroupRoster handler) : PageModel
{
    public GroupRoster Roster { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(groupId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Roster = result.Value!;
        return Page();
    }
}
