using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

public static class AvailabilityAccess
{
    /// <summary>A teacher edits their own availability in their school's rounds; a school leader anyone's.</summary>
    public static async Task<bool> MayEditAsync(AppDbContext db, Access access, ConversationRound round, Guid staffMemberId, CancellationToken ct)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == staffMemberId && m.SchoolId == round.SchoolId, ct);
        if (member is null)
        {
            return false;
        }
        return await access.MayAsync(Resource.Availability, Act.Change, Target.StaffMember(member.Id), ct);
    }
}
