using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.FollowThrough;

/// <summary>Per group of a round: booked, came, not reached. One group or search at a time, paged. Read-only.</summary>
[AccessRule(Resource.RoundOverview)]
public sealed class OverviewModel(GetRoundOverview query, ExportRoundOverview export, IStringLocalizer<FollowThroughText> text,
    IStringLocalizer<BookingsText> bookings) : PageModel
{
    public RoundOverview Overview { get; private set; } = null!;
    public bool MustSeeOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid? group, string? search, [FromQuery(Name = "page")] int? pageNumber,
        bool mustsee, CancellationToken ct)
    {
        var result = await query.HandleAsync(new OverviewQuery(roundId, new StudentListFilter(group, search, pageNumber ?? 1), mustsee), ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Overview = result.Value!;
        MustSeeOpen = mustsee;
        return Page();
    }

    /// <summary>Everyone of every group one may see: a download, not a page.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid roundId, CancellationToken ct)
    {
        var result = await export.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        return File(OverviewCsv.Write(result.Value!, text, bookings), "text/csv; charset=utf-8", text["Overview.FileName", result.Value!.RoundName] + ".csv");
    }
}
