using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Organisation;
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
    public async Task UnplacedAsync(ConversationRound round, Guid householdId, IReadOnlyList<ConversationRequest> requests, CancellationToken ct)
    {
        var studentIds = requests.Select(r => r.StudentId).Distinct().ToList();
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => new { s.Name, s.LimitedGuardianAccess }).SingleAsync(ct);
        var allowLimited = school.LimitedGuardianAccess.HasFlag(LimitedGuardianAccess.ConversationRounds);
        var guardians = await db.Guardianships.AsNoTracking()
            .Where(x => studentIds.Contains(x.StudentId) && (x.HasParentalAuthority || allowLimited))
            .Join(db.Guardians.Where(g => g.HouseholdId == householdId && g.Email != null), x => x.GuardianId, g => g.Id,
                (x, g) => new { g.Id, g.FirstName, g.Email, g.PreferredLanguage })
            .Distinct().ToListAsync(ct);
        if (guardians.Count == 0)
        {
            return;
        }
        var children = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var teachers = await RequestChecks.TeacherNamesAsync(db, round, requests, ct);
        var link = $"{AppLinks.BaseUrl(config)}/rounds/{round.Id}/request";
        foreach (var guardian in guardians)
        {
            using var _ = CultureScope.Use(guardian.PreferredLanguage);
            var lines = string.Join("\n", requests.Select(r =>
                $"- {children[r.StudentId]}, {teachers.GetValueOrDefault(r.Id, "")}: {text[r.UnplacedReason ?? "Unplaced.NoFit"]}"));
            outbox.Email(new EmailMessage(guardian.Email!, text["Notice.Unplaced.Subject", round.Name],
                text["Notice.Unplaced.Body", guardian.FirstName, round.Name, lines, school.Name, link], guardian.PreferredLanguage,
                UnsubscribeUrl: AppLinks.Account(config)));
        }
    }
}
