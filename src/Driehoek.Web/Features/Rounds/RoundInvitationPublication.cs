using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>Publishing a round sends its invitations, in the same transaction.</summary>
public sealed class RoundInvitationPublication(RoundInvitationSender sender) : IRoundPublication
{
    public Task PublishedAsync(ConversationRound round, CancellationToken ct) => sender.AddMissingAsync(round, ct);
}
