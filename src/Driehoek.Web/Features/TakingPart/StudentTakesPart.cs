using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.TakingPart;

/// <summary>Who settled whether the child takes part: nobody yet (the child is expected), the parents, or the school.</summary>
public enum TakingPartSource
{
    NoAnswer,
    ParentsSaid,
    SchoolDecided,
}

public sealed record TakingPartState(bool TakesPart, TakingPartSource Source);

/// <summary>
/// Whether a child takes part in a round's three-way conversation (docs/adr/0015-the-students-place-at-the-table.md):
/// the school's decision wins; else a "no" from either parent wins, because taking part needs every parent's
/// permission; else the child is expected. Only three-way rounds ask; for other forms there is no state (null).
/// </summary>
public static class StudentTakesPart
{
    public static TakingPartState Decide(bool schoolDecided, IReadOnlyCollection<bool> parentAnswers) =>
        schoolDecided ? new(false, TakingPartSource.SchoolDecided)
        : parentAnswers.Count == 0 ? new(true, TakingPartSource.NoAnswer)
        : new(parentAnswers.All(a => a), TakingPartSource.ParentsSaid);

    public static bool Asks(ConversationRound round) => round.Form == ConversationForm.ThreeWay;

    public static async Task<TakingPartState?> OfAsync(AppDbContext db, Guid roundId, Guid studentId, CancellationToken ct)
    {
        var form = await db.Rounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => (ConversationForm?)r.Form).FirstOrDefaultAsync(ct);
        if (form != ConversationForm.ThreeWay)
        {
            return null;
        }
        return (await OfStudentsAsync(db, roundId, [studentId], ct))[studentId];
    }

    /// <summary>The state of each of these children in a three-way round, in two queries.</summary>
    public static async Task<Dictionary<Guid, TakingPartState>> OfStudentsAsync(AppDbContext db, Guid roundId, IReadOnlyCollection<Guid> studentIds,
        CancellationToken ct)
    {
        var decided = (await db.WithoutChildDecisions.AsNoTracking().Where(d => d.RoundId == roundId && studentIds.Contains(d.StudentId))
            .Select(d => d.StudentId).ToListAsync(ct)).ToHashSet();
        var answers = (await db.TakingPartAnswers.AsNoTracking().Where(a => a.RoundId == roundId && studentIds.Contains(a.StudentId))
            .Select(a => new { a.StudentId, a.TakesPart }).ToListAsync(ct)).ToLookup(a => a.StudentId, a => a.TakesPart);
        return studentIds.Distinct().ToDictionary(id => id, id => Decide(decided.Contains(id), answers[id].ToList()));
    }
}
