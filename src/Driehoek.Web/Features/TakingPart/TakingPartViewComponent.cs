using Microsoft.AspNetCore.Mvc;

namespace Driehoek.Web.Features.TakingPart;

public enum TakingPartAudience
{
    Staff,
    Household,
    Student,
}

/// <param name="Link">where the reader answers (a parent) or decides (the teacher); null when they may not</param>
public sealed record TakingPartLine(Guid RoundId, Guid StudentId, string StudentName, TakingPartAudience Audience, TakingPartState State, string? Link);

/// <summary>
/// Whether the child takes part in a three-way conversation, on the pages that open it: the teacher's day list,
/// record and booking ("yes/no, parents said / school decided"), the family's booking and preparation, and the
/// student's own page. The host page decided the reader may see the conversation; nothing renders for other forms.
/// </summary>
public sealed class TakingPartViewComponent(AppDbContext db, Access access) : ViewComponent
{
    /// <param name="roundId">the round, or null to take it from <paramref name="bookingId"/></param>
    public async Task<IViewComponentResult> InvokeAsync(Guid studentId, TakingPartAudience audience, Guid? roundId = null, Guid? bookingId = null)
    {
        var ct = HttpContext.RequestAborted;
        var round = roundId ?? await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => (Guid?)b.RoundId).FirstOrDefaultAsync(ct);
        if (round is not { } roundOf || await StudentTakesPart.OfAsync(db, roundOf, studentId, ct) is not { } state)
        {
            return Content("");
        }
        var name = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => s.FirstName).SingleAsync(ct);
        var link = audience switch
        {
            TakingPartAudience.Staff when await access.MayAsync(Resource.TakingPartDecision, Act.View, Target.Student(studentId), ct) =>
                DecisionModel.Path(roundOf, studentId),
            TakingPartAudience.Household when await access.MayAsync(Resource.FamilyTakingPart, Act.Change, Target.Student(studentId), ct) =>
                FamilyModel.Path(roundOf, studentId),
            _ => null,
        };
        return View("~/Features/TakingPart/_TakingPartLine.cshtml", new TakingPartLine(roundOf, studentId, name, audience, state, link));
    }
}
