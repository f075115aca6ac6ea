using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Driehoek.Web.Infrastructure.Auth;

/// <summary>
/// Secrets that travel in a link (an invitation, a calendar feed): 256 random bits. Only their SHA-256
/// hash is stored, so a copy of the database opens nothing.
/// </summary>
public static class SecretTokens
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
