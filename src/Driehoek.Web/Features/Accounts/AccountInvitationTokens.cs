namespace Driehoek.Web.Features.Accounts;

internal static class AccountInvitationTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
}
