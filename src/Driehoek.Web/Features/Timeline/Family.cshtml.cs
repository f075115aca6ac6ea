using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Timeline;

/// <summary>A child's timeline for a parent or the student.</summary>
[AccessRule(Resource.FamilyTimeline)]
public sealed class FamilyModel(GetFamilyTimeline query, Access access) : PageModel
{
    public TimelineView View { get; private set; } = null!;
    public bool IsStudent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, string? kind, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, StaffModel.ParseKind(kind), ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        IsStudent = (await access.ProfileAsync(ct)).OwnStudentIds.Contains(studentId);
        return Page();
    }
}
