using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Feedback;

/// <summary>A parent, the student or the teacher gives tops and tips on a held conversation, in a few taps.</summary>
[AccessRule(Resource.ConversationFeedback)]
public sealed class GiveModel(GetMyFeedback query, GiveFeedback give, IStringLocalizer<FeedbackText> text) : PageModel
{
    public MyFeedbackView View { get; private set; } = null!;
    public int? Rating { get; private set; }
    public FeedbackPoints Tops { get; private set; }
    public FeedbackPoints Tips { get; private set; }
    public string? TopText { get; private set; }
    public string? TipText { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid bookingId, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(bookingId, ct))
        {
            return NotFound();
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid bookingId, Guid? version, string? rating, List<string>? tops, List<string>? tips, string? topText,
        string? tipText, CancellationToken ct)
    {
        var given = int.TryParse(rating, out var r) ? r : (int?)null;
        var result = await give.HandleAsync(new GiveFeedbackCommand(bookingId, version, given, tops ?? [], tips ?? [], topText, tipText), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(bookingId, ct), $"/bookings/{bookingId}/feedback?saved=true",
            onRefused: () =>
            {
                // What was chosen and typed stays in the form.
                Rating = given;
                Tops = Known(tops);
                Tips = Known(tips);
                TopText = topText;
                TipText = tipText;
            });
    }

    private static FeedbackPoints Known(List<string>? names) =>
        ConversationFeedback.Points.Where(p => names?.Contains(p.ToString()) == true).Aggregate(FeedbackPoints.None, (all, p) => all | p);

    private async Task<bool> LoadAsync(Guid bookingId, CancellationToken ct)
    {
        var result = await query.HandleAsync(bookingId, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        (Rating, Tops, Tips, TopText, TipText) = (View.Rating, View.Tops, View.Tips, View.TopText, View.TipText);
        return true;
    }
}
