using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Interpreters;

/// <summary>A leader's page per round: requested languages, their meetings, the interpreters and who is assigned where.</summary>
[AccessRule(Resource.Interpreters)]
public sealed class InterpretersModel(GetInterpreters query, ArrangeInterpreters arrange, IStringLocalizer<InterpretersText> text) : PageModel
{
    public InterpretersView View { get; private set; } = null!;
    public string? Notice { get; private set; }

    [BindProperty] public Guid? StaffMemberId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Organisation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, string? notice, CancellationToken ct)
    {
        Notice = notice is "Added" or "Assigned" ? "Interpreters." + notice : null;
        return await LoadAsync(roundId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid roundId, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, ct))
        {
            return NotFound();
        }
        var result = await arrange.AddAsync(new AddInterpreterCommand(roundId, StaffMemberId, Name, Organisation), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, ct), $"/rounds/{roundId}/interpreters?notice=Added#interpreters");
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid roundId, Guid? booking, Guid? interpreter, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, ct) || booking is null)
        {
            return NotFound();
        }
        var result = await arrange.AssignAsync(new AssignInterpreterCommand(roundId, booking.Value, interpreter), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, ct), $"/rounds/{roundId}/interpreters?notice=Assigned#b-{booking}");
    }

    private async Task<bool> LoadAsync(Guid roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
