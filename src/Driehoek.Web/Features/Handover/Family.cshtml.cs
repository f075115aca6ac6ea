using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Handover;

/// <summary>What was handed over about a child to next year's teacher, in the family's language; they can add a short line.</summary>
[AccessRule(Resource.FamilyHandover)]
public sealed class FamilyModel(GetFamilyHandover query, AddFamilyLine add, Access access, IStringLocalizer<HandoverFamilyText> strings) : PageModel
{
    public FamilyHandoverView View { get; private set; } = null!;
    public bool Saved { get; private set; }
    public string? Text { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(studentId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid studentId, Guid handoverId, string? text, CancellationToken ct)
    {
        var result = await add.HandleAsync(new AddFamilyLineCommand(studentId, handoverId, text), ct);
        return await this.AfterCommandAsync(result, strings, () => LoadAsync(studentId, ct), $"/children/{studentId}/handover?saved=true",
            onRefused: () => Text = text is { Length: > HandoverRules.MaxFamilyLine * 2 } ? text[..(HandoverRules.MaxFamilyLine * 2)] : text);
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, access.UserId, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
