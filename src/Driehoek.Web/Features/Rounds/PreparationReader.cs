using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>
/// One party's stored preparation for a child: <see cref="Questions"/> in the school's default language,
/// <see cref="Answers"/> in question order (an answer may outnumber the questions when the school changed
/// its text afterwards).
/// </summary>
public sealed record PreparationSummary(
    Guid StudentId, PreparationParty Party, Guid? HouseholdId, Guid? StaffMemberId, IReadOnlyList<string> Questions, IReadOnlyList<string> Answers);

/// <summary>
/// The public way for other features (the teacher's printed day list) to read what was prepared.
/// It does no access check: the caller has already decided the reader may see these students.
/// </summary>
public static class PreparationReader
{
    public static async Task<IReadOnlyList<PreparationSummary>> ForRoundAsync(
        AppDbContext db, Guid roundId, IReadOnlyCollection<Guid> studentIds, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || studentIds.Count == 0)
        {
            return [];
        }
        var ids = studentIds.ToList();
        var rows = await db.Preparations.AsNoTracking().Where(p => p.RoundId == roundId && ids.Contains(p.StudentId))
            .OrderBy(p => p.Party).ThenBy(p => p.UpdatedAt).ToListAsync(ct);
        var text = await InvitationTexts.ForAsync(db, round.SchoolId, round.Form, Cultures.Default, ct);
        return rows.Select(p => new PreparationSummary(p.StudentId, p.Party, p.HouseholdId, p.StaffMemberId, text.QuestionsFor(p.Party),
            PreparationAnswers.Parse(p.Answers))).ToList();
    }
}
