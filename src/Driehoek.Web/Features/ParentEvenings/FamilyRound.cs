using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// The signed-in guardian's household in a round, with the children of that household the round covers.
/// Separated parents are two households: each sees and asks only for itself. Null when not theirs.
/// </summary>
public sealed record FamilyRound(ConversationRound Round, Guid HouseholdId, Guid GuardianId, IReadOnlyList<Guid> StudentIds)
{
    public static async Task<FamilyRound?> LoadAsync(AppDbContext db, Access access, Guid roundId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var contexts = new List<FamilyContext>();
        foreach (var studentId in profile.Children.Keys)
        {
            if (await FamilyContext.LoadAsync(db, access, roundId, studentId, ct) is { } family)
            {
                contexts.Add(family);
            }
        }
        if (contexts.Count == 0)
        {
            return null;
        }
        var household = contexts[0].HouseholdId;
        var own = contexts.Where(c => c.HouseholdId == household).ToList();
        return new FamilyRound(own[0].Round, household, own[0].GuardianId, own.Select(c => c.StudentId).ToList());
    }
}
