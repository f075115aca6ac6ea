using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

public sealed record JoinWaitingListCommand(Guid RoundId, Guid StudentId, Guid StaffMemberId);

/// <summary>A household asks to hear when a place with a (full) teacher becomes free.</summary>
public sealed class JoinWaitingList(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(JoinWaitingListCommand command, CancellationToken ct)
    {
        var family = await FamilyContext.LoadAsync(db, access, command.RoundId, command.StudentId, ct);
        if (family is null)
        {
            return Result<Guid>.NotFound();
        }
        var teachers = (await TeachersOfStudent.ForRoundAsync(db, family.Round, [family.StudentId], ct)).GetValueOrDefault(family.StudentId) ?? [];
        if (teachers.All(t => t.StaffMemberId != command.StaffMemberId))
        {
            return Result<Guid>.NotFound();
        }
        if (BookingChecks.Window(family.Round, clock.GetUtcNow().UtcDateTime) is { } closed)
        {
            return Result<Guid>.Invalid(closed);
        }
        var exists = await db.WaitingList.AnyAsync(w => w.RoundId == family.Round.Id && w.StudentId == family.StudentId
                                                        && w.HouseholdId == family.HouseholdId && w.StaffMemberId == command.StaffMemberId, ct);
        if (!exists)
        {
            db.WaitingList.Add(new WaitingListEntry
            {
                SchoolId = family.Round.SchoolId, RoundId = family.Round.Id, StudentId = family.StudentId, HouseholdId = family.HouseholdId,
                StaffMemberId = command.StaffMemberId, GuardianId = family.GuardianId, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Pressed twice: already on the list.
            }
        }
        return family.Round.Id;
    }
}

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
        var guardians = await db.Guardians.AsNoTracking().Where(g => guardianIds.Contains(g.Id) && g.Email != null).ToDictionaryAsync(g => g.Id, ct);
        var baseUrl = AppLinks.BaseUrl(config);
        foreach (var entry in waiting)
        {
            entry.NotifiedAt = now;
            if (guardians.TryGetValue(entry.GuardianId, out var g))
            {
                using var _ = CultureScope.Use(g.PreferredLanguage);
                outbox.Email(new EmailMessage(g.Email!, text["Notice.Freed.Subject", teacher],
                    text["Notice.Freed.Body", g.FirstName, teacher, $"{baseUrl}{InvitationWording.BookPath(entry.RoundId)}?student={entry.StudentId}"], g.PreferredLanguage,
                    UnsubscribeUrl: AppLinks.Account(config)));
            }
        }
    }
}
