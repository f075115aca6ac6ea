using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Rounds;

/// <summary>Publishing a round queues the sending of its invitations, in the same save: a large school's take a while.</summary>
public sealed class RoundInvitationPublication(JobQueue jobs) : IRoundPublication
{
    public Task PublishedAsync(ConversationRound round, CancellationToken ct)
    {
        jobs.Enqueue(RoundInvitationJob.Kind, round.Id);
        return Task.CompletedTask;
    }
}
