using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rollover;

/// <summary>A group's fields in the rollover form, as a browser sends them (an unticked box is not sent).</summary>
public sealed class GroupChoiceInput
{
    public Guid GroupId { get; set; }
    public string? NewName { get; set; }
    public bool Leaves { get; set; }
    public bool CarryTeachers { get; set; }
}

/// <summary>A school leader moves the school into the next school year: the preview, changed until it is right, then the confirmation.</summary>
[AccessRule(Resource.Rollover)]
public sealed class RolloverModel(GetRollover query, RollOverSchool rollOver, SaveReadDays saveReadDays, IStringLocalizer<RolloverText> text) : PageModel
{
    public RolloverView View { get; private set; } = null!;
    public bool Made { get; private set; }
    public bool DaysSaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, int? finalLevel, bool made, bool saved, CancellationToken ct)
    {
        Made = made;
        DaysSaved = saved;
        return await LoadAsync(schoolId, finalLevel, null, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid schoolId, int? finalLevel, List<GroupChoiceInput>? groups, CancellationToken ct) =>
        await LoadAsync(schoolId, finalLevel, ChoicesOf(groups), ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(Guid schoolId, int? finalLevel, List<GroupChoiceInput>? groups, string? stamp, bool sure,
        CancellationToken ct)
    {
        var choices = ChoicesOf(groups);
        var result = await rollOver.HandleAsync(new RollOverCommand(schoolId, finalLevel, choices, stamp, sure), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, finalLevel, choices, ct), $"/school/{schoolId}/rollover?made=true",
            () => Response.StatusCode = result.Failure == Failure.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    public async Task<IActionResult> OnPostReadDaysAsync(Guid schoolId, int? readDays, CancellationToken ct)
    {
        var result = await saveReadDays.HandleAsync(new SaveReadDaysCommand(schoolId, readDays), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, null, null, ct), $"/school/{schoolId}/rollover?saved=true#read-heading",
            () => Response.StatusCode = StatusCodes.Status400BadRequest);
    }

    private static List<GroupChoice> ChoicesOf(List<GroupChoiceInput>? groups) =>
        (groups ?? []).Where(g => g is not null && g.GroupId != Guid.Empty).DistinctBy(g => g.GroupId)
            .Select(g => new GroupChoice(g.GroupId, g.NewName, g.Leaves, g.CarryTeachers)).ToList();

    private async Task<bool> LoadAsync(Guid schoolId, int? finalLevel, IReadOnlyList<GroupChoice>? choices, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, finalLevel, choices, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
