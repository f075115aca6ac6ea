namespace Driehoek.Web.Features.Rounds;

/// <summary>
/// What else happens, in the same transaction, when a round is published (invitations go out). Each
/// implementation adds its changes to the context; <see cref="PublishRound"/> saves once.
/// </summary>
public interface IRoundPublication
{
    Task PublishedAsync(ConversationRound round, CancellationToken ct);
}
