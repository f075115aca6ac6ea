using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Tasks;

/// <summary>The school's contact arrangement, next to its other settings.</summary>
[AccessRule(Resource.SchoolSettings)]
public sealed class ContactRulesPageModel(SaveContactRules rules, IStringLocalizer<TasksText> text) : PageModel
{
    public ContactRulesView Settings { get; private set; } = null!;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(schoolId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, Guid version,
        bool lowGradeOn, string? lowGradeBelow, int lowGradeDays, bool changeOn, string? changeAtLeast, int changeDays,
        bool windowOn, int windowStartMonth, int windowEndMonth, bool positiveOn, int positiveWeeks, int escalateAfterDays, CancellationToken ct)
    {
        var result = await rules.HandleAsync(new SaveContactRulesCommand(schoolId, version, lowGradeOn, lowGradeBelow, lowGradeDays,
            changeOn, changeAtLeast, changeDays, windowOn, windowStartMonth, windowEndMonth, positiveOn, positiveWeeks, escalateAfterDays), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, ct), $"/school/{schoolId}/contact-rules?saved=true");
    }

    private async Task<bool> LoadAsync(Guid schoolId, CancellationToken ct)
    {
        var result = await rules.GetAsync(schoolId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Settings = result.Value!;
        return true;
    }
}
