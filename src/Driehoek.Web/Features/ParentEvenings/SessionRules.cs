using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

internal static class SessionRules
{
    /// <summary>Sessions belong to request mode, and are fixed once families have their published times.</summary>
    public static async Task<FieldError?> LockedAsync(AppDbContext db, ConversationRound round, CancellationToken ct)
    {
        if (round.Status == RoundStatus.Cancelled)
        {
            return new FieldError("", "Schedule.RoundCancelled");
        }
        if (round.Mode != RoundMode.Requests)
        {
            return new FieldError("", "Schedule.NotRequestMode");
        }
        return await RequestChecks.PublishedAsync(db, round.Id, ct) ? new FieldError("", "Schedule.AlreadyPublished") : null;
    }
}
