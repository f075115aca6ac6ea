using Driehoek.Web.Features.Rounds;
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
