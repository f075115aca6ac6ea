using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Contacts;

/// <summary>A student's contact log for staff, with the quick form to log a call (or another contact) at the top.</summary>
[AccessRule(Resource.ContactLog)]
public sealed class LogModel(GetContactLog query, LogContact log, IStringLocalizer<ContactsStaffText> text) : PageModel
{
    public ContactLogView View { get; private set; } = null!;
    public bool Logged { get; private set; }

    [BindProperty] public ContactChannel Channel { get; set; } = ContactChannel.Call;
    [BindProperty] public ContactWith With { get; set; } = ContactWith.Guardians;
    [BindProperty] public ContactArea Area { get; set; } = ContactArea.Wellbeing;
    [BindProperty] public ContactTone Tone { get; set; } = ContactTone.Positive;
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public DateTime? At { get; set; }
    [BindProperty] public DateOnly? TalkAgainOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, bool logged, ContactChannel? channel, CancellationToken ct)
    {
        Logged = logged;
        if (channel is { } c && Enum.IsDefined(c) && c != ContactChannel.FamilyNews)
        {
            Channel = c;
        }
        return await LoadAsync(studentId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid studentId, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A choice that is not one of the form's (a forged or garbled value): shown as the field's error, nothing logged.
            if (!await LoadAsync(studentId, ct))
            {
                return NotFound();
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await log.HandleAsync(new LogContactCommand(studentId, Channel, With, Area, Tone, Summary, At, TalkAgainOn), ct);
        return this.WithStatus(await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/students/{studentId}/contacts?logged=true"), result);
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, ct);
        View = result.Value!;
        return result.Ok;
    }
}
