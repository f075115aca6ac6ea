using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.MustSee;

/// <summary>A teacher's must-see families of a round: mark, give a reason for colleagues, take back.</summary>
[AccessRule(Resource.MustSee)]
public sealed class MustSeeModel(GetMustSee query, MarkMustSee mark, IStringLocalizer<MustSeeText> text) : PageModel
{
    public MustSeeView View { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid? staff, bool open, string? notice, CancellationToken ct)
    {
        Notice = notice is "Marked" or "Unmarked" ? "MustSee." + notice : null;
        return await LoadAsync(roundId, staff, open, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostMarkAsync(Guid roundId, Guid? staff, Guid? student, string? reason, bool open, CancellationToken ct) =>
        ChangeAsync(roundId, staff, student, true, reason, open, ct);

    public Task<IActionResult> OnPostUnmarkAsync(Guid roundId, Guid? staff, Guid? student, bool open, CancellationToken ct) =>
        ChangeAsync(roundId, staff, student, false, null, open, ct);

    private async Task<IActionResult> ChangeAsync(Guid roundId, Guid? staff, Guid? student, bool marked, string? reason, bool open, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, staff, open, ct) || student is null)
        {
            return NotFound();
        }
        var result = await mark.HandleAsync(new MarkMustSeeCommand(roundId, View.StaffMemberId, student.Value, marked, reason), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, staff, open, ct),
            $"/rounds/{roundId}/must-see?staff={View.StaffMemberId}{(open ? "&open=true" : "")}&notice={(marked ? "Marked" : "Unmarked")}#s-{student}");
    }

    private async Task<bool> LoadAsync(Guid roundId, Guid? staff, bool open, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, staff, open, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
