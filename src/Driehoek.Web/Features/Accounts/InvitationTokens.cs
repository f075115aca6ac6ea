using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Driehoek.Web.Features.Accounts;

internal static class InvitationTokens
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
}
