using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Timeline;

/// <summary>A student's timeline for the staff who follow the student.</summary>
[AccessRule(Resource.StudentTimeline)]
public sealed class StaffModel(GetStaffTimeline query) : PageModel
{
    public TimelineView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid studentId, string? kind, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, ParseKind(kind), ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }

    /// <summary>A known kind filters; anything else shows all.</summary>
    public static TimelineKind? ParseKind(string? kind) =>
        Enum.TryParse<TimelineKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
}
