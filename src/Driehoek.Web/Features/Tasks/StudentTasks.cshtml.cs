using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Tasks;

[AccessRule(Resource.StudentTasks)]
public sealed class StudentTasksModel(GetStudentTasks query) : PageModel
{
    public StudentTaskList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        List = result.Value!;
        return Page();
    }
}
