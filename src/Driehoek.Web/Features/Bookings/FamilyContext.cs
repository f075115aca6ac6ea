using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// The signed-in guardian, one of their children and a round they may book in: the household books,
/// so separated parents each have their own bookings. Null when any of that does not hold.
/// </summary>
public sealed record FamilyContext(ConversationRound Round, Guid StudentId, Guid GuardianId, Guid HouseholdId, bool ByStaff = false)
{
    public static async Task<FamilyContext?> LoadAsync(AppDbContext db, Access access, Guid roundId, Guid studentId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        if (!profile.Children.TryGetValue(studentId, out var link) || link.HouseholdId is not { } household)
        {
            return null;
        }
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.SchoolId == link.SchoolId, ct);
        if (round is null || round.Status == RoundStatus.Draft || !await MayTakePartAsync(db, link, ct))
        {
            return null;
        }
        var inRound = await RoundAccess.StudentIds(db, round.Id).AnyAsync(s => s == studentId, ct);
        return inRound ? new FamilyContext(round, studentId, link.GuardianId, household) : null;
    }

    /// <summary>A guardian without parental authority takes part only where the school allows it.</summary>
    public static async Task<bool> MayTakePartAsync(AppDbContext db, GuardianLink link, CancellationToken ct) =>
        link.HasParentalAuthority
        || (await db.Schools.AsNoTracking().Where(s => s.Id == link.SchoolId).Select(s => s.LimitedGuardianAccess).SingleAsync(ct))
            .HasFlag(LimitedGuardianAccess.ConversationRounds);
}
