using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Coverage;

/// <summary>One group's families through the year; those not reached first, each with a way to follow up and a call to log.</summary>
[AccessRule(Resource.GroupCoverage)]
public sealed class GroupCoverageModel(GetGroupCoverage query, LogCall logCall, IStringLocalizer<CoverageText> text) : PageModel
{
    public GroupCoverageView View { get; private set; } = null!;
    public bool Called { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, Guid groupId, RoundKind? kind, bool called, CancellationToken ct)
    {
        Called = called;
        return await ShowAsync(schoolId, groupId, kind, ct);
    }

    public async Task<IActionResult> OnPostCallAsync(Guid schoolId, Guid groupId, RoundKind? kind, Guid round, Guid student, Guid? household,
        CallOutcome outcome, CancellationToken ct)
    {
        var result = await logCall.HandleAsync(new LogCallCommand(schoolId, groupId, round, student, household, outcome), ct);
        if (result.Failure == Failure.NotFound)
        {
            return NotFound();
        }
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(schoolId, groupId, kind, ct);
        }
        return Redirect($"/school/{schoolId}/coverage/{groupId}?kind={kind}&called=true#follow-heading");
    }

    private async Task<IActionResult> ShowAsync(Guid schoolId, Guid groupId, RoundKind? kind, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, groupId, kind, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }
}
