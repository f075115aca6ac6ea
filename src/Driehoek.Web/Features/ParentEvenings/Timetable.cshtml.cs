using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>The household's timetable for a parent evening: per day, its conversations one after another.</summary>
[AccessRule(Resource.Timetable)]
public sealed class TimetableModel(GetTimetable query) : PageModel
{
    public Timetable Timetable { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Timetable = result.Value!;
        return Page();
    }
}
