using Driehoek.Web.Features.Records;
using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;

namespace Driehoek.Web.Features.Handover;

/// <param name="Last">last year's released handover, for a start conversation; null when there is none to read</param>
/// <param name="PrepareYearId">this year's school year, for an end conversation whose reader prepares the handover</param>
public sealed record ConversationHandoverBox(Guid StudentId, StaffHandoverView? Last, Guid? PrepareYearId);

/// <summary>
/// On the record of a conversation in a round that carries the handover (the round's setting): a start conversation opens
/// with last year's released handover, which counts as read by next year's teacher; an end conversation links to
/// preparing this year's. Renders nothing for whoever may not read it.
/// </summary>
public sealed class ConversationHandoverViewComponent(AppDbContext db, GetHandover handover, HandoverAccess handoverAccess) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid bookingId)
    {
        var ct = HttpContext.RequestAborted;
        var found = await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId)
            .Join(db.Rounds, b => b.RoundId, r => r.Id, (b, r) => new { b.StudentId, Round = r }).FirstOrDefaultAsync(ct);
        if (found is null || !found.Round.Handover)
        {
            return Content("");
        }
        var form = Agendas.FormOf(found.Round);
        if (form == AgendaForm.Start || found.Round.Kind == RoundKind.Start)
        {
            if (await HandoverAccess.OpensWithAsync(db, found.StudentId, found.Round.SchoolYearId, ct) is not { } before)
            {
                return Content("");
            }
            var read = await handover.HandleAsync(found.StudentId, before.Year.Id, ct);
            return read is { Ok: true, Value: { ContentShown: true, Status: HandoverStatus.Released } last }
                ? View("~/Features/Handover/_ConversationHandover.cshtml", new ConversationHandoverBox(found.StudentId, last, null))
                : Content("");
        }
        if (form == AgendaForm.End || found.Round.Kind == RoundKind.End)
        {
            return await handoverAccess.ForStaffAsync(found.StudentId, found.Round.SchoolYearId, Act.Change, ct) is { } reader
                ? View("~/Features/Handover/_ConversationHandover.cshtml", new ConversationHandoverBox(found.StudentId, null, reader.Year.Id))
                : Content("");
        }
        return Content("");
    }
}

/// <summary>
/// On the family's invitation to a start conversation that carries the handover: that next year's teacher has read what
/// was handed over, once they have; with the way to it for those who may read it.
/// </summary>
public sealed class HandoverReadViewComponent(AppDbContext db, HandoverAccess handoverAccess) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid roundId, Guid studentId)
    {
        var ct = HttpContext.RequestAborted;
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || !(await HandoverReads.ReadByAsync(db, round, [studentId], ct)).TryGetValue(studentId, out var readBy))
        {
            return Content("");
        }
        var family = await handoverAccess.ForFamilyAsync(studentId, Act.View, ct);
        return View("~/Features/Handover/_HandoverRead.cshtml", (ReadBy: readBy, StudentId: studentId, Link: family is { Reads: true }));
    }
}
