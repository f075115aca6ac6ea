using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Home;

/// <summary>The front door: a landing page, or straight to the one home a person has.</summary>
[AllowAnonymous]
[AccessRule(Resource.Public)]
public sealed class IndexModel(GetMyHome handler) : PageModel
{
    public MyHome? Home { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Page();
        }
        Home = await handler.HandleAsync(ct);
        return Home.Homes.Count == 1 ? Redirect(Home.Homes[0].Url) : Page();
    }
}
