using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

public sealed record BlockLine(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, TimeOnly? BreakStart, TimeOnly? BreakEnd,
    string? Room, string? VideoLink, int Slots, int Booked);

public sealed record StaffChoice(Guid Id, string Name);

public sealed record AvailabilityView(Guid RoundId, string RoundName, int LengthMinutes, DateOnly FirstDay, DateOnly LastDay,
    Guid StaffMemberId, string StaffName, bool CanChooseStaff, IReadOnlyList<StaffChoice> Staff, IReadOnlyList<BlockLine> Blocks,
    bool Own);

/// <summary>A teacher's times in a round; a school leader can pick any teacher of the school.</summary>
public sealed class GetAvailability(AppDbContext db, Access access)
{
    public async Task<Result<AvailabilityView>> HandleAsync(Guid roundId, Guid? staffMemberId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return Result<AvailabilityView>.NotFound();
        }
        // Whoever may change anyone's times at this school picks the teacher; a teacher sees their own.
        var manager = AccessMatrix.Allows(Resource.Availability, Act.Change, await access.RelationsAsync(Target.School(round.SchoolId), ct));
        var own = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.SchoolId == round.SchoolId && m.UserId == access.UserId && m.UserId != null, ct);
        var staffId = staffMemberId ?? own?.Id;
        var member = staffId is null ? null
            : await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == staffId && m.SchoolId == round.SchoolId, ct);
        if (member is null || !await access.MayAsync(Resource.Availability, Act.View, Target.StaffMember(member.Id), ct))
        {
            return Result<AvailabilityView>.NotFound();
        }
        var blocks = await db.AvailabilityBlocks.AsNoTracking().Where(b => b.RoundId == roundId && b.StaffMemberId == member.Id)
            .OrderBy(b => b.Date).ThenBy(b => b.Start)
            .Select(b => new BlockLine(b.Id, b.Date, b.Start, b.End, b.BreakStart, b.BreakEnd, b.Room, b.VideoLink,
                db.Slots.Count(s => s.BlockId == b.Id),
                db.Slots.Count(s => s.BlockId == b.Id && db.Bookings.Any(x => x.ActiveSlotId == s.Id))))
            .ToListAsync(ct);
        var staff = manager ? await TeachersInRoundAsync(db, round, ct) : [];
        return new AvailabilityView(round.Id, round.Name, round.LengthMinutes, round.FirstDay, round.LastDay, member.Id, member.FullName,
            manager, staff, blocks, member.Id == own?.Id);
    }

    /// <summary>The staff who teach a group of the round (the ones families will want to book).</summary>
    public static async Task<List<StaffChoice>> TeachersInRoundAsync(AppDbContext db, ConversationRound round, CancellationToken ct) =>
        (await db.RoundGroups.AsNoTracking().Where(g => g.RoundId == round.Id)
            .Join(db.StaffAssignments, g => g.GroupId, a => a.GroupId, (g, a) => a.StaffMemberId)
            .Distinct()
            .Join(db.StaffMembers, id => id, m => m.Id, (id, m) => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct))
        .Select(m => new StaffChoice(m.Id, PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName)))
        .OrderBy(m => m.Name).ToList();
}
