using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// Tells a household which of its requested conversations could not be scheduled and why, in plain words
/// and each guardian's language, with an invitation to contact the school. Through the outbox, before
/// the caller's SaveChanges.
/// </summary>
public sealed class EveningNotices(AppDbContext db, Outbox outbox, IStringLocalizer<ParentEveningText> text, IConfiguration config)
{
    /// <summary>
    /// One notice per household among <paramref name="requests"/>, listing its requests that could not be
    /// scheduled; the school, children, teachers and recipients are read once for all households.
    /// </summary>
    public async Task UnplacedAsync(ConversationRound round, IReadOnlyList<ConversationRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return;
        }
        var studentIds = requests.Select(r => r.StudentId).Distinct().ToList();
        var contacts = (await FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
                .Where(c => studentIds.Contains(c.StudentId) && c.Email != null)
                .ToListAsync(ct))
            .ToLookup(c => c.HouseholdId);
        if (contacts.Count == 0)
        {
            return;
        }
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var children = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var teachers = await RequestChecks.TeacherNamesAsync(db, round, requests, ct);
        var link = $"{AppLinks.BaseUrl(config)}/rounds/{round.Id}/request";
        foreach (var household in requests.GroupBy(r => r.HouseholdId))
        {
            var mine = household.ToList();
            var guardians = contacts[household.Key].Where(c => mine.Any(r => r.StudentId == c.StudentId)).DistinctBy(c => c.GuardianId);
            foreach (var guardian in guardians)
            {
                using var _ = CultureScope.Use(guardian.Language);
                var lines = string.Join("\n", mine.Select(r =>
                    $"- {children[r.StudentId]}, {teachers.GetValueOrDefault(r.Id, "")}: {text[r.UnplacedReason ?? "Unplaced.NoFit"]}"));
                outbox.Email(new EmailMessage(guardian.Email!, text["Notice.Unplaced.Subject", round.Name],
                    text["Notice.Unplaced.Body", guardian.FirstName, round.Name, lines, school, link], guardian.Language,
                    UnsubscribeUrl: AppLinks.Account(config)));
            }
        }
    }
}
