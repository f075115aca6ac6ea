using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Handover;

/// <summary>
/// A student's handover to next year's teacher: the outgoing teacher compiles it, chooses what goes over, adds a line and
/// releases it; next year's teacher, the care coordinator and the leaders read it.
/// </summary>
[AccessRule(Resource.Handover)]
public sealed class StaffModel(GetHandover query, CompileHandover compile, ReviewHandover review, IStringLocalizer<HandoverText> text) : PageModel
{
    public StaffHandoverView View { get; private set; } = null!;
    public string? Done { get; private set; }
    public string? Line { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, Guid? year, string? done, CancellationToken ct)
    {
        Done = done is "compiled" or "saved" or "released" ? done : null;
        return await LoadAsync(studentId, year, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCompileAsync(Guid studentId, Guid? year, Guid? version, CancellationToken ct)
    {
        var result = await compile.HandleAsync(new CompileHandoverCommand(studentId, year, version), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, year, ct), Path(studentId, year, "compiled"));
    }

    public async Task<IActionResult> OnPostAsync(Guid studentId, Guid? year, Guid? version, List<Guid>? include, string? line, bool release,
        CancellationToken ct)
    {
        var result = await review.HandleAsync(new ReviewHandoverCommand(studentId, year, version, include ?? [], line, release), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, year, ct), Path(studentId, year, release ? "released" : "saved"),
            onRefused: () => Line = line is { Length: > HandoverRules.MaxLine * 2 } ? line[..(HandoverRules.MaxLine * 2)] : line);
    }

    public static string Path(Guid studentId, Guid? year, string? done = null)
    {
        var query = new List<string>();
        if (year is { } y)
        {
            query.Add($"year={y}");
        }
        if (done is not null)
        {
            query.Add($"done={done}");
        }
        return $"/students/{studentId}/handover" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private async Task<bool> LoadAsync(Guid studentId, Guid? year, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, year, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
