using System.Globalization;

namespace Driehoek.Web.Features.Rounds;

public sealed record RoundInvitationView(
    ConversationRound Round, string SchoolName, Guid StudentId, string StudentName, PreparationParty Viewer, InvitationText Text, bool CanBook,
    bool StudentExpected = true);

/// <summary>A round's invitation for one child, as a parent or the student reads it in the app, in their language.</summary>
public sealed class GetRoundInvitation(AppDbContext db, Access access)
{
    public async Task<Result<RoundInvitationView>> HandleAsync(Guid roundId, Guid studentId, CancellationToken ct)
    {
        var preparer = await PreparationAccess.ForFamilyAsync(db, access, roundId, studentId, ct);
        if (preparer is null)
        {
            return Result<RoundInvitationView>.NotFound();
        }
        var round = preparer.Round;
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var name = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => s.FirstName).SingleAsync(ct);
        var text = await InvitationTexts.ForAsync(db, round.SchoolId, round.Form, CultureInfo.CurrentUICulture.Name, ct);
        var canBook = preparer.Party == PreparationParty.Parent && round.Mode == RoundMode.SelfBooking && round.Status == RoundStatus.Published;
        var taking = await TakingPart.StudentTakesPart.OfAsync(db, round.Id, studentId, ct);
        return new RoundInvitationView(round, school, studentId, name, preparer.Party, text, canBook, taking?.TakesPart ?? true);
    }
}
