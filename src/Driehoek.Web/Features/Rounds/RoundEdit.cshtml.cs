using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.Rounds)]
public sealed class RoundEditModel(GetRoundForm query, SaveRound save, IStringLocalizer<RoundsText> text) : PageModel
{
    public RoundForm Form { get; private set; } = null!;
    public RoundInput Input { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, Guid? roundId, CancellationToken ct)
    {
        if (!await LoadAsync(schoolId, roundId, ct))
        {
            return NotFound();
        }
        Input = Form.Input;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, Guid? roundId, Guid? version, string? name, RoundKind kind, ConversationForm form,
        int lengthMinutes, DateOnly firstDay, DateOnly lastDay, List<Participants>? participants, int maxSubjectTeachers, RoundMode mode,
        DateTime bookingOpensLocal, DateTime bookingClosesLocal, int changeDeadlineHours, bool handover, List<Guid>? groupIds, CancellationToken ct)
    {
        if (!await LoadAsync(schoolId, roundId, ct))
        {
            return NotFound();
        }
        Input = new RoundInput(name ?? "", kind, form, lengthMinutes, firstDay, lastDay,
            (participants ?? []).Aggregate(Participants.None, (all, p) => all | p), maxSubjectTeachers, mode,
            bookingOpensLocal, bookingClosesLocal, changeDeadlineHours, handover, groupIds ?? []);
        var result = await save.HandleAsync(new SaveRoundCommand(schoolId, roundId, version, Input), ct);
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            return Page();
        }
        return Redirect($"/rounds/{result.Value}");
    }

    private async Task<bool> LoadAsync(Guid schoolId, Guid? roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, roundId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Form = result.Value!;
        return true;
    }
}
