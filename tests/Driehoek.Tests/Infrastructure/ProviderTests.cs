namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// Marks the per-provider copies of a test class. Write tests in an abstract class taking a
/// <see cref="TestApp"/>; add two sealed subclasses, one per database, e.g.:
/// <code>
/// [Collection(SqliteCollection.Name)] public sealed class XTests_Sqlite(SqliteApp app) : XTests(app);
/// [Collection(PostgresCollection.Name), Trait("Provider", "Postgres")] public sealed class XTests_Postgres(PostgresApp app) : XTests(app);
/// </code>
/// </summary>
public static class ProviderTests;

/// <summary>RFC 6238 codes, as an authenticator app computes them, for the two-factor tests.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }
        var hash = System.Security.Cryptography.HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in input.TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((value >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }
        return output.ToArray();
    }
}
