using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Home;

/// <summary>A teacher's home: the groups they teach this year.</summary>
[AccessRule(Resource.Home)]
public sealed class TeacherModel(GetMyHome handler) : PageModel
{
    public MyHome Home { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Home = await handler.HandleAsync(ct);
        return Page();
    }
}
