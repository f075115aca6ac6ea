using Driehoek.Web.Features.Records;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Handover;

/// <summary>
/// Whether next year's teacher has read what was handed over about these students, for a start conversation that carries
/// the handover: its invitation (the page and the e-mail) tells the family so, with the reader's name.
/// </summary>
public static class HandoverReads
{
    /// <summary>Per student whose released handover of the year before the round's was read: who read it. Empty for other rounds.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ReadByAsync(AppDbContext db, ConversationRound round, IReadOnlyCollection<Guid> studentIds,
        CancellationToken ct)
    {
        if (!round.Handover || (Agendas.FormOf(round) != AgendaForm.Start && round.Kind != RoundKind.Start) || studentIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        var before = await HandoverAccess.YearBeforeAsync(db, round.SchoolYearId, ct);
        if (before is null)
        {
            return new Dictionary<Guid, string>();
        }
        var read = await db.StudentHandovers.AsNoTracking()
            .Where(h => studentIds.Contains(h.StudentId) && h.SchoolYearId == before.Id && h.Status == HandoverStatus.Released && h.ReadAt != null)
            .Select(h => new { h.StudentId, h.ReadByName }).ToListAsync(ct);
        return read.DistinctBy(h => h.StudentId).ToDictionary(h => h.StudentId, h => h.ReadByName ?? "");
    }
}
