namespace Driehoek.Web.Features.Accounts;

internal static class InvitationTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
}
