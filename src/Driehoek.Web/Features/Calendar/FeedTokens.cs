using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Driehoek.Web.Features.Calendar;

/// <summary>
/// The secret in a calendar-feed address. Like invitation tokens: 256 random bits, and only their
/// SHA-256 hash is stored, so a copy of the database does not open anyone's calendar.
/// </summary>
public static class FeedTokens
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The address a calendar app subscribes to; the app's own base address when one is configured.</summary>
    public static string Address(HttpRequest request, IConfiguration config, string token)
    {
        var root = config["App:BaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{root}/calendar/{token}.ics";
    }
}
