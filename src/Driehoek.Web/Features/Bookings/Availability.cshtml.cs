using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

[AccessRule(Resource.Availability)]
public sealed class AvailabilityModel(GetAvailability query, AddAvailability add, RemoveAvailability remove, IStringLocalizer<AvailabilityText> text)
    : PageModel
{
    public AvailabilityView View { get; private set; } = null!;
    public int? Added { get; private set; }

    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public TimeOnly? Start { get; set; }
    [BindProperty] public TimeOnly? End { get; set; }
    [BindProperty] public TimeOnly? BreakStart { get; set; }
    [BindProperty] public TimeOnly? BreakEnd { get; set; }
    [BindProperty] public string? Room { get; set; }
    [BindProperty] public string? VideoLink { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid? staff, int? added, CancellationToken ct)
    {
        Added = added;
        return await LoadAsync(roundId, staff, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId, Guid? staff, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, staff, ct))
        {
            return NotFound();
        }
        if (Date is null || Start is null || End is null)
        {
            ModelState.AddModelError("", text["Required"]);
            return Page();
        }
        var result = await add.HandleAsync(new AddAvailabilityCommand(roundId, View.StaffMemberId,
            new AvailabilityInput(Date.Value, Start.Value, End.Value, BreakStart, BreakEnd, Room, VideoLink)), ct);
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            return Page();
        }
        return Redirect($"/rounds/{roundId}/availability?staff={View.StaffMemberId}&added={result.Value}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid roundId, Guid blockId, Guid? staff, CancellationToken ct)
    {
        var result = await remove.HandleAsync(new RemoveAvailabilityCommand(blockId), ct);
        if (result.Failure == Failure.NotFound || !await LoadAsync(roundId, staff, ct))
        {
            return NotFound();
        }
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            return Page();
        }
        return Redirect($"/rounds/{roundId}/availability?staff={View.StaffMemberId}");
    }

    private async Task<bool> LoadAsync(Guid roundId, Guid? staff, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, staff, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
