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
        // The children who were here last year: their handovers in one query. A child new to the school brings one only
        // from another school of a board that allows it (HandoverAccess.OpensWithAsync); only then are newcomers looked
        // up, one by one (a whole first year at a secondary school is new).
        var here = before is null ? []
            : await db.Enrollments.AsNoTracking().Where(e => e.SchoolYearId == before.Id && studentIds.Contains(e.StudentId))
                .Select(e => e.StudentId).Distinct().ToListAsync(ct);
        var opens = here.Select(id => (Student: id, From: id, YearId: before!.Id)).ToList();
        var newcomers = studentIds.Except(here).ToList();
        var followsStudent = newcomers.Count > 0 && await db.Schools.AsNoTracking().Where(sc => sc.Id == round.SchoolId)
            .Join(db.Boards, sc => sc.BoardId, b => b.Id, (sc, b) => b.HandoverFollowsStudent).FirstOrDefaultAsync(ct);
        foreach (var newcomer in followsStudent ? newcomers : [])
        {
            if (await HandoverAccess.OpensWithAsync(db, newcomer, round.SchoolYearId, ct) is { } brought)
            {
                opens.Add((newcomer, brought.StudentId, brought.Year.Id));
            }
        }
        if (opens.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        var from = opens.Select(o => o.From).ToList();
        var years = opens.Select(o => o.YearId).Distinct().ToList();
        var found = await db.StudentHandovers.AsNoTracking()
            .Where(h => from.Contains(h.StudentId) && years.Contains(h.SchoolYearId) && h.Status == HandoverStatus.Released && h.ReadAt != null)
            .Select(h => new { h.StudentId, h.SchoolYearId, h.ReadByName }).ToListAsync(ct);
        var read = opens.SelectMany(o => found.Where(h => h.StudentId == o.From && h.SchoolYearId == o.YearId)
            .Select(h => new { StudentId = o.Student, h.ReadByName })).ToList();
        return read.DistinctBy(h => h.StudentId).ToDictionary(h => h.StudentId, h => h.ReadByName ?? "");
    }
}
