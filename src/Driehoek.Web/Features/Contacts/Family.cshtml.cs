using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Contacts;

/// <summary>A parent or the student raises a concern or tells the school about something outside school; they see its status and the reply.</summary>
[AccessRule(Resource.FamilyConcerns)]
public sealed class FamilyModel(GetFamilyConcerns query, FamilyReports reports, IStringLocalizer<ContactsText> text) : PageModel
{
    public FamilyConcernsView View { get; private set; } = null!;
    public string? Done { get; private set; }

    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public FamilyNewsKind? Kind { get; set; }
    [BindProperty] public string? NewsText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, string? done, CancellationToken ct)
    {
        Done = done is "raised" or "told" ? done : null;
        return await LoadAsync(studentId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid studentId, CancellationToken ct)
    {
        var result = await reports.RaiseAsync(new RaiseConcernCommand(studentId, Topic, Text), ct);
        return this.WithStatus(await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/children/{studentId}/concerns?done=raised#mine"), result);
    }

    public async Task<IActionResult> OnPostNewsAsync(Guid studentId, CancellationToken ct)
    {
        var result = await reports.TellAsync(new TellSchoolCommand(studentId, Kind ?? (FamilyNewsKind)0, NewsText), ct);
        return this.WithStatus(await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/children/{studentId}/concerns?done=told#news"), result);
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, ct);
        View = result.Value!;
        return result.Ok;
    }
}
