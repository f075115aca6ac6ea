using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.Rounds)]
public sealed class RoundsModel(GetRoundPlan query, CreateDefaultPlan defaults, IStringLocalizer<RoundsText> text) : PageModel
{
    public RoundPlan Plan { get; private set; } = null!;
    public int? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, int? created, CancellationToken ct)
    {
        Created = created;
        return await LoadAsync(schoolId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDefaultsAsync(Guid schoolId, CancellationToken ct)
    {
        var result = await defaults.HandleAsync(schoolId, ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, ct), $"/school/{schoolId}/rounds?created={result.Value}");
    }

    private async Task<bool> LoadAsync(Guid schoolId, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, ct);
        Plan = result.Value!;
        return result.Ok;
    }
}
