using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

public sealed record RemoveAvailabilityCommand(Guid BlockId);

public sealed class RemoveAvailability(AppDbContext db, Access access)
{
    public async Task<Result<Guid>> HandleAsync(RemoveAvailabilityCommand command, CancellationToken ct)
    {
        var block = await db.AvailabilityBlocks.FirstOrDefaultAsync(b => b.Id == command.BlockId, ct);
        var round = block is null ? null : await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == block.RoundId, ct);
        if (block is null || round is null || !await AvailabilityAccess.MayEditAsync(db, access, round, block.StaffMemberId, ct))
        {
            return Result<Guid>.NotFound();
        }
        var booked = await db.Slots.Where(s => s.BlockId == block.Id)
            .CountAsync(s => db.Bookings.Any(b => b.ActiveSlotId == s.Id), ct);
        if (booked > 0)
        {
            return Result<Guid>.Invalid(new FieldError("", "Availability.HasBookings", booked));
        }
        db.AvailabilityBlocks.Remove(block);
        await db.SaveChangesAsync(ct);
        return round.Id;
    }
}
