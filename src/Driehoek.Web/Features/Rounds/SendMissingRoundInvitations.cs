using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

public sealed record SendMissingRoundInvitationsCommand(Guid RoundId);

/// <summary>
/// For students who joined a group (or guardians who were added) after the round was published: a
/// leader sends the invitations they missed. Everyone already invited is left alone.
/// </summary>
public sealed class SendMissingRoundInvitations(AppDbContext db, Access access, RoundInvitationSender sender)
{
    public async Task<Result<int>> HandleAsync(SendMissingRoundInvitationsCommand command, CancellationToken ct)
    {
        var round = await RoundAccess.ManageableAsync(db, access, command.RoundId, Resource.RoundInvitations, ct);
        if (round is null)
        {
            return Result<int>.NotFound();
        }
        if (round.Status != RoundStatus.Published)
        {
            return Result<int>.Invalid(new FieldError("", "Invitations.NotPublished"));
        }
        var count = await sender.AddMissingAsync(round, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another leader pressed the same button a moment earlier; their run sent these.
            return Result<int>.Conflict(new FieldError("", "Invitations.AlreadySent"));
        }
        return count;
    }
}
