using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Contacts;

/// <summary>A student's concerns for the mentor (and the care coordinator for sensitive ones): read, take on, answer.</summary>
[AccessRule(Resource.Concerns)]
public sealed class ConcernsModel(StudentConcerns concerns, IStringLocalizer<ContactsStaffText> text) : PageModel
{
    public StudentConcernsView View { get; private set; } = null!;
    public string? Done { get; private set; }

    [BindProperty] public Guid? ConcernId { get; set; }
    [BindProperty] public Guid? Version { get; set; }
    [BindProperty] public string? Reply { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, string? done, CancellationToken ct)
    {
        Done = done is "handling" or "answered" ? done : null;
        return await LoadAsync(studentId, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAsync(Guid studentId, CancellationToken ct) => HandleAsync(studentId, answer: true, ct);

    public Task<IActionResult> OnPostHandlingAsync(Guid studentId, CancellationToken ct) => HandleAsync(studentId, answer: false, ct);

    private async Task<IActionResult> HandleAsync(Guid studentId, bool answer, CancellationToken ct)
    {
        var result = await concerns.HandleAsync(new HandleConcernCommand(studentId, ConcernId, Version, answer, Reply), ct);
        return this.WithStatus(await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct),
            $"/students/{studentId}/concerns?done={(answer ? "answered" : "handling")}#concern-{ConcernId}"), result);
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await concerns.ReadAsync(studentId, ct);
        View = result.Value!;
        return result.Ok;
    }
}
