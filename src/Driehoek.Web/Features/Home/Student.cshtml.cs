using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Home;

[AccessRule(Resource.Home)]
public sealed class StudentModel(GetMyHome handler) : PageModel
{
    public MyHome Home { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Home = await handler.HandleAsync(ct);
        return Home.OwnStudentRecords.Count == 0 ? NotFound() : Page();
    }
}
