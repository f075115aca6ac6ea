using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Home;

/// <summary>A guardian's home: my children and what is coming up.</summary>
[AccessRule(Resource.Home)]
public sealed class ParentModel(GetMyHome handler) : PageModel
{
    public MyHome Home { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Home = await handler.HandleAsync(ct);
        return Home.Children.Count == 0 ? NotFound() : Page();
    }
}
