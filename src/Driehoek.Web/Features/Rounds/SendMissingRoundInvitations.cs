using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

public sealed record SendMissingRoundInvitationsCommand(Guid RoundId);

/// <summary>
/// For students who joined a group (or guardians who were added) after the round was published: a
/// leader sends the invitations they missed. Everyone already invited is left alone. The sending is the
/// round's invitation job run again (in chunks, with progress), so a large school's newcomers never hold up
/// the request; the answer is how many households it will invite.
/// </summary>
public sealed class SendMissingRoundInvitations(AppDbContext db, Access access, RoundInvitationSender sender, JobQueue jobs)
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
        var missing = await sender.CountMissingAsync(round, ct);
        if (missing == 0)
        {
            return 0;
        }
        try
        {
            if (!await jobs.EnqueueAgainAsync(RoundInvitationJob.Kind, round.Id, ct))
            {
                // A send (publication's, or another leader's click) is under way; it invites these too.
                return Result<int>.Conflict(new FieldError("", "Invitations.AlreadySent"));
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Result<int>.Conflict(new FieldError("", "Invitations.AlreadySent"));
        }
        return missing;
    }
}
