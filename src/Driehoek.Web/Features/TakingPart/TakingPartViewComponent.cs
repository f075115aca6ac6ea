using Driehoek.Web.Features.Rounds;
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
    /// <param name="batch">every child the host page shows a line for (a day list): their states and names are read
    /// once for the page, not once per line</param>
    public async Task<IViewComponentResult> InvokeAsync(Guid studentId, TakingPartAudience audience, Guid? roundId = null, Guid? bookingId = null,
        IReadOnlyCollection<Guid>? batch = null)
    {
        var ct = HttpContext.RequestAborted;
        var round = roundId ?? await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => (Guid?)b.RoundId).FirstOrDefaultAsync(ct);
        if (round is not { } roundOf || !await AsksAsync(roundOf, ct))
        {
            return Content("");
        }
        var known = await KnownAsync(roundOf, studentId, batch, ct);
        var (state, name) = known[studentId];
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

    /// <summary>Whether the round asks (a three-way round); read once per request and round.</summary>
    private async Task<bool> AsksAsync(Guid roundId, CancellationToken ct)
    {
        var key = (typeof(TakingPartViewComponent), "asks", roundId);
        if (HttpContext.Items[key] is bool asks)
        {
            return asks;
        }
        asks = await db.Rounds.AsNoTracking().AnyAsync(r => r.Id == roundId && r.Form == ConversationForm.ThreeWay, ct);
        HttpContext.Items[key] = asks;
        return asks;
    }

    /// <summary>The state and first name of the child, read with the rest of the page's batch the first time one of them is asked for.</summary>
    private async Task<Dictionary<Guid, (TakingPartState State, string Name)>> KnownAsync(Guid roundId, Guid studentId, IReadOnlyCollection<Guid>? batch,
        CancellationToken ct)
    {
        var key = (typeof(TakingPartViewComponent), "known", roundId);
        if (HttpContext.Items[key] is not Dictionary<Guid, (TakingPartState, string)> known)
        {
            HttpContext.Items[key] = known = [];
        }
        if (!known.ContainsKey(studentId))
        {
            var ids = (batch ?? []).Append(studentId).Where(id => !known.ContainsKey(id)).Distinct().ToList();
            var states = await StudentTakesPart.OfStudentsAsync(db, roundId, ids, ct);
            var names = await db.Students.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
            foreach (var id in ids)
            {
                known[id] = (states[id], names.GetValueOrDefault(id) ?? "");
            }
        }
        return known;
    }
}
