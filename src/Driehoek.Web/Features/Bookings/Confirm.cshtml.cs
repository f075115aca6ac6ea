using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>The second step: the chosen time, and what the family wants to talk about.</summary>
[AccessRule(Resource.FamilyBooking)]
public sealed class ConfirmModel(AppDbContext db, Access access, BookSlot book, FreeSlots free, IStringLocalizer<BookingsText> text) : PageModel
{
    public Guid RoundId { get; private set; }
    public Guid StudentId { get; private set; }
    public string StudentName { get; private set; } = "";
    public FreeSlot? Slot { get; private set; }
    public bool VideoPossible { get; private set; }
    public IReadOnlyList<FreeSlot> Alternatives { get; private set; } = [];

    private FamilyContext? _family;
    private Slot? _slot;

    [BindProperty] public string? Topics { get; set; }
    [BindProperty] public List<TopicAreas> Areas { get; set; } = [];
    [BindProperty] public string? InterpreterLanguage { get; set; }
    [BindProperty] public MeetingMode Mode { get; set; } = MeetingMode.OnSite;

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid slotId, Guid student, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, slotId, student, ct))
        {
            return NotFound();
        }
        if (Slot is null)
        {
            // Taken between the booking page and this one: say so, and offer what the POST would offer.
            ModelState.AddModelError("", text["Booking.JustTaken"]);
            Alternatives = await free.NearestAsync(_family!, _slot!, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId, Guid slotId, Guid student, CancellationToken ct)
    {
        var areas = TopicsFields.Combine(Areas);
        var attempt = await book.HandleAsync(new BookSlotCommand(roundId, student, slotId, new BookingDetails(Topics, areas, InterpreterLanguage, Mode)), ct);
        return await this.AfterCommandAsync(attempt.Outcome, text, () => LoadAsync(roundId, slotId, student, ct),
            $"/bookings/{attempt.Outcome.Value}?booked=true", onRefused: () => Alternatives = attempt.Alternatives);
    }

    private async Task<bool> LoadAsync(Guid roundId, Guid slotId, Guid student, CancellationToken ct)
    {
        var family = await FamilyContext.LoadAsync(db, access, roundId, student, ct);
        var slot = family is null ? null : await db.Slots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId && s.RoundId == roundId, ct);
        if (family is null || slot is null)
        {
            return false;
        }
        (_family, _slot) = (family, slot);
        RoundId = roundId;
        StudentId = student;
        StudentName = await db.Students.Where(s => s.Id == student).Select(s => s.FirstName).SingleAsync(ct);
        Slot = (await free.ForTeachersAsync(roundId, [slot.StaffMemberId], ct)).FirstOrDefault(s => s.SlotId == slotId);
        VideoPossible = slot.VideoLink is not null || family.Round.Form == ConversationForm.Digital;
        return true;
    }
}
