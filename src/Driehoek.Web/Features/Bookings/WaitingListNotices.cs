using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// When a slot frees up, the households waiting for that teacher hear it at once (first come, first
/// served: the waiting list gives a head start over families who are not watching).
/// </summary>
public sealed class WaitingListNotices(AppDbContext db, Outbox outbox, TimeProvider clock, IStringLocalizer<BookingsText> text, IConfiguration config)
{
    public async Task SlotFreedAsync(Booking freed, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.WaitingList
            .Where(w => w.RoundId == freed.RoundId && w.StaffMemberId == freed.StaffMemberId && w.ResolvedAt == null && w.HouseholdId != freed.HouseholdId)
            .OrderBy(w => w.CreatedAt).Take(10).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }
        var name = await db.StaffMembers.AsNoTracking().Where(m => m.Id == freed.StaffMemberId)
            .Select(m => new { m.FirstName, m.LastNamePrefix, m.LastName }).SingleAsync(ct);
        var teacher = PersonName.Format(name.FirstName, name.LastNamePrefix, name.LastName);
        var guardianIds = waiting.Select(w => w.GuardianId).ToList();
        var guardians = (await FamilyContacts.Of(db, freed.SchoolId, LimitedGuardianAccess.ConversationRounds)
                .Where(c => guardianIds.Contains(c.GuardianId) && c.Email != null).ToListAsync(ct))
            .ToLookup(c => (c.GuardianId, c.StudentId));
        var baseUrl = AppLinks.BaseUrl(config);
        foreach (var entry in waiting)
        {
            entry.NotifiedAt = now;
            if (guardians[(entry.GuardianId, entry.StudentId)].FirstOrDefault() is { } g)
            {
                using var _ = CultureScope.Use(g.Language);
                outbox.Email(new EmailMessage(g.Email!, text["Notice.Freed.Subject", teacher],
                    text["Notice.Freed.Body", g.FirstName, teacher, $"{baseUrl}{InvitationWording.BookPath(entry.RoundId)}?student={entry.StudentId}"], g.Language,
                    UnsubscribeUrl: AppLinks.Account(config)));
            }
        }
    }
}
