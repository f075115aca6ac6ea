using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>Staff book a time for a family (after a call or a letter); the family gets the confirmation.</summary>
[AccessRule(Resource.Availability)]
public sealed class BookForModel(BookForFamily book, IStringLocalizer<BookingsText> text) : PageModel
{
    public BookForFamilyView View { get; private set; } = null!;
    public IReadOnlyList<FreeSlot> Alternatives { get; private set; } = [];

    [BindProperty] public Guid? HouseholdId { get; set; }
    [BindProperty] public Guid? SlotId { get; set; }
    [BindProperty] public string? Topics { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid student, Guid? staff, CancellationToken ct) =>
        await LoadAsync(roundId, student, staff, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid roundId, Guid student, Guid? staff, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, student, staff, ct))
        {
            return NotFound();
        }
        if (HouseholdId is null || SlotId is null)
        {
            ModelState.AddModelError(HouseholdId is null ? "HouseholdId" : "SlotId", text[HouseholdId is null ? "BookFor.ChooseFamily" : "BookFor.ChooseTime"]);
            return Page();
        }
        var attempt = await book.HandleAsync(new BookForFamilyCommand(roundId, student, HouseholdId.Value, SlotId.Value, Topics), ct);
        if (attempt.Outcome.Ok)
        {
            return Redirect($"/bookings/{attempt.Outcome.Value}");
        }
        Alternatives = attempt.Alternatives;
        return await this.AfterCommandAsync(attempt.Outcome, text, () => LoadAsync(roundId, student, staff, ct), "");
    }

    private async Task<bool> LoadAsync(Guid roundId, Guid student, Guid? staff, CancellationToken ct)
    {
        var result = await book.ViewAsync(roundId, student, staff, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
