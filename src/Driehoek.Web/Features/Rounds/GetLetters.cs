using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Rounds;

public sealed record Letter(Guid InvitationId, Guid StudentId, string StudentName, string GroupName, IReadOnlyList<string> Guardians,
    string Language, InvitationText Text, bool Emailed, DateTime? PrintedAt);

/// <summary><paramref name="Missing"/>: households of a published round with no invitation yet (they came after publication), who may need a letter.</summary>
public sealed record LetterSet(ConversationRound Round, string SchoolName, bool CanMarkPrinted, ListPage List, bool All, IReadOnlyList<Letter> Letters,
    int Missing, bool CanSendMissing);

/// <summary>
/// Print-ready invitation letters, one per household and child, each in the household's language. By
/// default only for households the e-mail did not reach. Leaders pick a group (or search); a teacher lands
/// on their own. One page of students at a time.
/// </summary>
public sealed class GetLetters(AppDbContext db, Access access, RoundInvitationSender sender)
{
    public async Task<Result<LetterSet>> HandleAsync(Guid roundId, StudentListFilter filter, bool all, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        // A correlated EXISTS (one index lookup per listed child), not "IN (the round's invitations)": that reads every
        // invitation of the school's round for one group's page.
        var listed = round is null ? null
            : await StudentListing.PageAsync(db, access, round, Resource.Letters, filter,
                e => db.RoundInvitations.Any(i => i.RoundId == roundId && i.StudentId == e.StudentId && (all || i.EmailedAt == null)), ct);
        if (round is null || listed is null)
        {
            return Result<LetterSet>.NotFound();
        }
        var ids = listed.Students.Select(s => s.Id).Distinct().ToList();
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var invitations = (await db.RoundInvitations.AsNoTracking()
                .Where(i => i.RoundId == roundId && (all || i.EmailedAt == null) && ids.Contains(i.StudentId))
                .ToListAsync(ct))
            .ToLookup(i => i.StudentId);
        var guardians = (await FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
                .Where(c => ids.Contains(c.StudentId))
                .ToListAsync(ct))
            .ToLookup(c => (c.StudentId, c.HouseholdId));
        var texts = new Dictionary<string, InvitationText>();
        var letters = new List<Letter>();
        foreach (var student in listed.Students)
        {
            foreach (var invitation in invitations[student.Id].OrderBy(i => i.Id))
            {
                var household = guardians[(student.Id, (Guid?)invitation.HouseholdId)]
                    .OrderByDescending(gd => gd.HasParentalAuthority).ThenBy(gd => gd.FirstName).ToList();
                var language = household.FirstOrDefault()?.Language ?? Cultures.Default;
                if (!texts.TryGetValue(language, out var text))
                {
                    text = texts[language] = await InvitationTexts.ForAsync(db, round.SchoolId, round.Form, language, ct);
                }
                letters.Add(new Letter(invitation.Id, student.Id, student.Name, student.GroupName, household.Select(gd => gd.Name).ToList(),
                    language, text, invitation.EmailedAt is not null, invitation.PrintedAt));
            }
        }
        // A letter is printed from an invitation: households that joined after publication have none until their
        // invitations are sent, so the page says so rather than "everyone was reached by e-mail". A page showing one
        // group counts that group's households only; a search counts the whole round.
        var among = listed.List.GroupId is { } shown ? db.Enrollments.Where(e => e.GroupId == shown).Select(e => e.StudentId) : null;
        var missing = round.Status == RoundStatus.Published ? await sender.CountMissingAsync(round, ct, among) : 0;
        return new LetterSet(round, school, await access.MayAsync(Resource.Letters, Act.Change, Target.School(round.SchoolId), ct),
            listed.List, all, letters, missing, await access.MayAsync(Resource.RoundInvitations, Act.Change, Target.School(round.SchoolId), ct));
    }
}
