using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.People;

[AccessRule(Resource.StudentRecord)]
public sealed class StudentModel(GetStudentProfile handler) : PageModel
{
    public StudentProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid studentId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(studentId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Profile = result.Value!;
        return Page();
    }
}
