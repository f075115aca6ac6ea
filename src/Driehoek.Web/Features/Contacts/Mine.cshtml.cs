using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Contacts;

/// <summary>A staff member's contacts: the families of their groups not reached yet this year, concerns waiting, colleagues' contacts.</summary>
[AccessRule(Resource.MyContacts)]
public sealed class MineModel(GetMyContacts query) : PageModel
{
    public MyContactsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? school, CancellationToken ct)
    {
        var result = await query.HandleAsync(school, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
