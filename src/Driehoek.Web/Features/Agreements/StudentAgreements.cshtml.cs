using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Agreements;

/// <summary>A student's agreements for the staff who keep them, with the form to record a new one.</summary>
[AccessRule(Resource.Agreements)]
public sealed class StudentAgreementsModel(GetAgreements query, RecordAgreement record, IStringLocalizer<AgreementsText> text) : PageModel
{
    public StudentAgreements View { get; private set; } = null!;
    public AgreementFields Form { get; private set; } = new(null, null, null, null, null, null);
    public Guid? BookingId { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, Guid? booking, bool saved, CancellationToken ct)
    {
        BookingId = booking;
        Saved = saved;
        return await LoadAsync(studentId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid studentId, Guid? booking, string? owner, string? what, string? why, string? how,
        DateOnly? dueOn, DateOnly? checkOn, CancellationToken ct)
    {
        BookingId = booking;
        Form = new AgreementFields(what, why, how, dueOn, checkOn, owner);
        var result = await record.HandleAsync(new RecordAgreementCommand(studentId, booking, Form), ct);
        var back = AgreementNotices.StaffPath(studentId) + "?saved=true" + (booking is { } b ? $"&booking={b}" : "");
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), back);
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.ForStaffAsync(studentId, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        return true;
    }
}
