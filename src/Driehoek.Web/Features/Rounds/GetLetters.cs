using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Rounds;

public sealed record Letter(Guid InvitationId, Guid StudentId, string StudentName, string GroupName, IReadOnlyList<string> Guardians,
    string Language, InvitationText Text, bool Emailed, DateTime? PrintedAt);

public sealed record LetterSet(ConversationRound Round, string SchoolName, bool CanMarkPrinted, IReadOnlyList<(Guid Id, string Name)> Groups,
    Guid? GroupId, bool All, IReadOnlyList<Letter> Letters);

/// <summary>
/// Print-ready invitation letters, one per household and child, each in the household's language. By
/// default only for households the e-mail did not reach. Leaders see every group; a teacher their own.
/// </summary>
public sealed class GetLetters(AppDbContext db, Access access)
{
    public async Task<Result<LetterSet>> HandleAsync(Guid roundId, Guid? groupId, bool all, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var groups = round is null ? [] : await PreparationAccess.StaffGroupsAsync(db, access, round, Resource.Letters, ct);
        if (round is null || groups.Count == 0 || (groupId is { } g && groups.All(x => x.Id != g)))
        {
            return Result<LetterSet>.NotFound();
        }
        var shown = groupId is { } only ? [only] : groups.Select(x => x.Id).ToList();
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var invitations = await db.RoundInvitations.AsNoTracking()
            .Where(i => i.RoundId == roundId && (all || i.EmailedAt == null))
            .Join(db.Enrollments.Where(e => shown.Contains(e.GroupId)), i => i.StudentId, e => e.StudentId, (i, e) => new { i, e.GroupId })
            .Join(db.Students, x => x.i.StudentId, s => s.Id, (x, s) => new { x.i, x.GroupId, s.FirstName, s.LastNamePrefix, s.LastName })
            .ToListAsync(ct);
        var studentIds = invitations.Select(x => x.i.StudentId).Distinct().ToList();
        var guardians = await FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => studentIds.Contains(c.StudentId))
            .ToListAsync(ct);
        var texts = new Dictionary<string, InvitationText>();
        var letters = new List<Letter>();
        foreach (var x in invitations.DistinctBy(x => x.i.Id))
        {
            var household = guardians.Where(gd => gd.StudentId == x.i.StudentId && gd.HouseholdId == x.i.HouseholdId)
                .OrderByDescending(gd => gd.HasParentalAuthority).ThenBy(gd => gd.FirstName).ToList();
            var language = household.FirstOrDefault()?.Language ?? Cultures.Default;
            if (!texts.TryGetValue(language, out var text))
            {
                text = texts[language] = await InvitationTexts.ForAsync(db, round.SchoolId, round.Form, language, ct);
            }
            letters.Add(new Letter(x.i.Id, x.i.StudentId, PersonName.Format(x.FirstName, x.LastNamePrefix, x.LastName),
                groups.First(gr => gr.Id == x.GroupId).Name,
                household.Select(gd => gd.Name).ToList(),
                language, text, x.i.EmailedAt is not null, x.i.PrintedAt));
        }
        return new LetterSet(round, school, await access.MayAsync(Resource.Letters, Act.Change, Target.School(round.SchoolId), ct), groups, groupId, all,
            letters.OrderBy(l => l.GroupName).ThenBy(l => l.StudentName, StringComparer.CurrentCultureIgnoreCase).ToList());
    }
}
