using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>The school leader's page for a round in request mode: sessions, requests, what would block a run, and runs.</summary>
[AccessRule(Resource.Schedule)]
public sealed class ScheduleModel(GetSchedulePlan query, AddSession add, RemoveSession remove, StartRun start, EveningMessages text) : PageModel
{
    public SchedulePlan Plan { get; private set; } = null!;
    public string? Notice { get; private set; }

    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public TimeOnly? Start { get; set; }
    [BindProperty] public TimeOnly? End { get; set; }
    [BindProperty] public int? MaxConsecutive { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, string? notice, CancellationToken ct)
    {
        Notice = notice is "Session.Added" or "Session.Removed" ? notice : null;
        return await LoadAsync(roundId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSessionAsync(Guid roundId, CancellationToken ct)
    {
        if (Date is null || Start is null || End is null)
        {
            return await RefuseAsync(roundId, Result<Guid>.Invalid(new FieldError("Date", "Session.Incomplete")), ct);
        }
        var result = await add.HandleAsync(new AddSessionCommand(roundId, Date.Value, Start.Value, End.Value), ct);
        return result.Ok ? Redirect($"/rounds/{roundId}/schedule?notice=Session.Added") : await RefuseAsync(roundId, result, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid roundId, Guid sessionId, CancellationToken ct)
    {
        var result = await remove.HandleAsync(sessionId, ct);
        return result.Ok ? Redirect($"/rounds/{roundId}/schedule?notice=Session.Removed") : await RefuseAsync(roundId, result, ct);
    }

    public async Task<IActionResult> OnPostRunAsync(Guid roundId, CancellationToken ct)
    {
        var result = await start.HandleAsync(new StartRunCommand(roundId, MaxConsecutive), ct);
        return result.Ok ? Redirect($"/rounds/{roundId}/schedule/{result.Value}") : await RefuseAsync(roundId, result, ct);
    }

    private async Task<IActionResult> RefuseAsync(Guid roundId, Result<Guid> result, CancellationToken ct)
    {
        if (result.Failure == Failure.NotFound || !await LoadAsync(roundId, ct))
        {
            return NotFound();
        }
        result.CopyTo(ModelState, text);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Plan = result.Value!;
        return true;
    }
}
