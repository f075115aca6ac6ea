using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Calendar;

/// <summary>
/// A personal calendar-feed address for families and staff. The address is shown once, right after it
/// is made; the page answers the POST itself (no redirect), so the secret never sits in a URL or history.
/// </summary>
[AccessRule(Resource.Account)]
public sealed class SubscriptionModel(GetCalendarFeed query, CreateCalendarFeed create, IConfiguration config, IStringLocalizer<CalendarText> text)
    : PageModel
{
    public DateTime? CreatedAt { get; private set; }
    public string? Address { get; private set; }

    public string? WebcalAddress => Address is null ? null : "webcal://" + Address[(Address.IndexOf("://", StringComparison.Ordinal) + 3)..];

    public async Task OnGetAsync(CancellationToken ct) => CreatedAt = await query.HandleAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => MakeAsync(replace: false, ct);

    public async Task<IActionResult> OnPostReplaceAsync(bool sure, CancellationToken ct)
    {
        if (!sure)
        {
            CreatedAt = await query.HandleAsync(ct);
            ModelState.AddModelError("sure", text["Feed.ConfirmFirst"]);
            return Page();
        }
        return await MakeAsync(replace: true, ct);
    }

    private async Task<IActionResult> MakeAsync(bool replace, CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateCalendarFeedCommand(replace), ct);
        if (result.Failure == Failure.NotFound)
        {
            return Challenge();
        }
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
        }
        else
        {
            Address = FeedTokens.Address(Request, config, result.Value!);
            Response.Headers.CacheControl = "no-store";
        }
        CreatedAt = await query.HandleAsync(ct);
        return Page();
    }
}
