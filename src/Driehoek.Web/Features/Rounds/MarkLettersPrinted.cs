using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Rounds;

public sealed record MarkLettersPrintedCommand(Guid RoundId, IReadOnlyList<Guid> InvitationIds);

/// <summary>A leader confirms the letters are printed; invitations of other rounds are ignored.</summary>
public sealed class MarkLettersPrinted(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<int>> HandleAsync(MarkLettersPrintedCommand command, CancellationToken ct)
    {
        var round = await RoundAccess.ManageableAsync(db, access, command.RoundId, Resource.Letters, ct);
        if (round is null)
        {
            return Result<int>.NotFound();
        }
        var ids = command.InvitationIds.Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.RoundInvitations.Where(i => i.RoundId == round.Id && ids.Contains(i.Id) && i.PrintedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PrintedAt, now), ct);
    }
}
