using Driehoek.Web.Features.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace Driehoek.Web.Features.Agreements;

/// <param name="BookingId">the held conversation new agreements would come from, for the link to record them</param>
public sealed record OpenAgreementsBox(Guid StudentId, Guid? BookingId, bool MayChange, int HeadingLevel, IReadOnlyList<AgreementView> Agreements);

/// <summary>
/// The open agreements of a student with their status and the family's confirmations, where staff open a
/// conversation (the booking, the day list) or the student record. Renders nothing for whoever may not read them.
/// </summary>
public sealed class OpenAgreementsViewComponent(AppDbContext db, AgreementAccess agreements, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid studentId, Guid? bookingId = null, int headingLevel = 2)
    {
        var ct = HttpContext.RequestAborted;
        var staff = await agreements.ForStaffAsync(studentId, Act.View, ct);
        if (staff is null)
        {
            return Content("");
        }
        var open = await AgreementList.OfStudentAsync(db, studentId, SchoolCalendar.Today(clock), onlyOpen: true, ct);
        return View("~/Features/Agreements/_OpenAgreements.cshtml", new OpenAgreementsBox(studentId, bookingId, staff.MayChange, headingLevel, open));
    }
}
