namespace Driehoek.Web.Features.Rounds;

/// <summary>
/// What else happens, in the same transaction, when a round is published (its invitations are queued to go
/// out in the background). Each implementation adds its changes, or a job, to the context; <see cref="PublishRound"/> saves once.
/// </summary>
public interface IRoundPublication
{
    Task PublishedAsync(ConversationRound round, CancellationToken ct);
}
