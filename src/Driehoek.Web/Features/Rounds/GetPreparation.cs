using System.Globalization;

namespace Driehoek.Web.Features.Rounds;

public sealed record PreparationForm(
    Guid RoundId, string RoundName, RoundStatus Status, Guid StudentId, string StudentName, PreparationParty Party,
    IReadOnlyList<string> Questions, IReadOnlyList<string> Answers, Guid? Version, DateTime? UpdatedAt, bool Expected = true)
{
    /// <summary>A student the three-way conversation is held without is not asked to prepare.</summary>
    public bool Asked => Party != PreparationParty.Student || Expected;
}

/// <summary>
/// A parent's or a student's own preparation for a child's conversation: the questions in their
/// language and what they answered so far. A parent sees only their own household's answers.
/// </summary>
public sealed class GetPreparation(AppDbContext db, Access access)
{
    public async Task<Result<PreparationForm>> HandleAsync(Guid roundId, Guid studentId, CancellationToken ct)
    {
        var preparer = await PreparationAccess.ForFamilyAsync(db, access, roundId, studentId, ct);
        if (preparer is null)
        {
            return Result<PreparationForm>.NotFound();
        }
        var round = preparer.Round;
        var name = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => s.FirstName).SingleAsync(ct);
        var text = await InvitationTexts.ForAsync(db, round.SchoolId, round.Form, CultureInfo.CurrentUICulture.Name, ct);
        var row = await db.Preparations.AsNoTracking().FirstOrDefaultAsync(p => p.Key == preparer.Key, ct);
        var taking = await TakingPart.StudentTakesPart.OfAsync(db, round.Id, studentId, ct);
        return new PreparationForm(round.Id, round.Name, round.Status, studentId, name, preparer.Party, text.QuestionsFor(preparer.Party),
            PreparationAnswers.Parse(row?.Answers), row?.Version, row?.UpdatedAt, taking?.TakesPart ?? true);
    }
}
