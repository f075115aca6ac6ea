using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Rounds;

/// <summary><paramref name="Sending"/>: the round's invitation job (publication's, or a leader's "send missing"), when there is one.</summary>
public sealed record RoundInvitationStatus(ConversationRound Round, int Invitations, int Emailed, int ByLetter, int Printed, int Missing, RoundPublishing? Sending);

/// <summary>For a round's leaders: how the invitations went out (e-mail, letter, printed) and who has none yet.</summary>
public sealed class GetRoundInvitationStatus(AppDbContext db, Access access, RoundInvitationSender sender, JobQueue jobs)
{
    public async Task<Result<RoundInvitationStatus>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var round = await RoundAccess.ManageableAsync(db, access, roundId, Resource.RoundInvitations, ct);
        if (round is null)
        {
            return Result<RoundInvitationStatus>.NotFound();
        }
        var rows = await db.RoundInvitations.AsNoTracking().Where(i => i.RoundId == roundId)
            .Select(i => new { Emailed = i.EmailedAt != null, Printed = i.PrintedAt != null }).ToListAsync(ct);
        var published = round.Status == RoundStatus.Published;
        var missing = published ? await sender.CountMissingAsync(round, ct) : 0;
        var sending = published ? await RoundInvitationJob.StatusAsync(jobs, roundId, ct) : null;
        return new RoundInvitationStatus(round, rows.Count, rows.Count(r => r.Emailed), rows.Count(r => !r.Emailed), rows.Count(r => !r.Emailed && r.Printed),
            missing, sending);
    }
}
