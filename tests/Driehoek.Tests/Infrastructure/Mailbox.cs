using System.Text;
using System.Text.RegularExpressions;

namespace Driehoek.Tests.Infrastructure;

public sealed record Mail(string To, string Subject, string Body, IReadOnlyList<(string ContentType, string Content)> Parts);

/// <summary>
/// Reads what the app sent: from the SMTP server's Maildir when the test script runs one, else from
/// the app's pickup folder. Messages are found by recipient, which is unique per test.
/// </summary>
public static partial class Mailbox
{
    public static async Task<Mail> WaitForAsync(TestApp app, string to, Func<Mail, bool>? match = null, int timeoutMs = 15_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < deadline)
        {
            var found = All(app).FirstOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase) && (match is null || match(m)));
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} within {timeoutMs} ms (SMTP lane: {TestEnvironment.SmtpPort?.ToString() ?? "off"}).");
    }

    public static IEnumerable<Mail> All(TestApp app)
    {
        var folders = new List<string> { app.PickupFolder };
        if (TestEnvironment.Maildir is { } maildir)
        {
            folders.Add(Path.Combine(maildir, "new"));
            folders.Add(Path.Combine(maildir, "cur"));
        }
        return folders.Where(Directory.Exists).SelectMany(Directory.GetFiles).Select(f => Parse(File.ReadAllText(f)));
    }

    public static string Link(Mail mail, string path) =>
        LinkPattern().Matches(mail.Body).Select(m => m.Value).FirstOrDefault(v => v.Contains(path, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link with {path} in: {mail.Body}");

    public static Mail Parse(string raw)
    {
        var (headers, body) = Split(raw);
        var parts = new List<(string, string)>();
        var contentType = Header(headers, "Content-Type");
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = BoundaryPattern().Match(contentType).Groups[1].Value;
            foreach (var chunk in body.Split("--" + boundary).Skip(1).Where(c => !c.StartsWith("--", StringComparison.Ordinal)))
            {
                var (h, b) = Split(chunk.TrimStart('\r', '\n'));
                parts.Add((Header(h, "Content-Type"), Decode(h, b)));
            }
        }
        else
        {
            parts.Add((contentType, Decode(headers, body)));
        }
        var text = parts.FirstOrDefault(p => p.Item1.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)).Item2 ?? parts[0].Item2;
        return new Mail(Header(headers, "To"), DecodeWord(Header(headers, "Subject")), text, parts);
    }

    private static (string Headers, string Body) Split(string raw)
    {
        var normalized = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        return at < 0 ? (normalized, "") : (normalized[..at], normalized[(at + 2)..]);
    }

    private static string Header(string headers, string name)
    {
        var unfolded = headers.Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal);
        return unfolded.Split('\n').FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
    }

    private static string Decode(string headers, string body) => Header(headers, "Content-Transfer-Encoding").ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim())))),
        "quoted-printable" => QuotedPrintable(body),
        _ => body,
    };

    private static string QuotedPrintable(string body)
    {
        var joined = body.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>
    /// RFC 2047 encoded words. Adjacent words (only whitespace between them) form one text, and a
    /// UTF-8 character may be split over two of them, so their bytes are joined before decoding.
    /// </summary>
    private static string DecodeWord(string value)
    {
        var sb = new StringBuilder();
        var pending = new List<byte>();
        var last = 0;
        foreach (Match m in EncodedWord().Matches(value))
        {
            var between = value[last..m.Index];
            if (pending.Count > 0 && between.Trim().Length > 0)
            {
                sb.Append(Encoding.UTF8.GetString(pending.ToArray()));
                pending.Clear();
            }
            if (pending.Count == 0)
            {
                sb.Append(between);
            }
            pending.AddRange(m.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(m.Groups[3].Value)
                : Encoding.UTF8.GetBytes(QuotedPrintable(m.Groups[3].Value.Replace('_', ' '))));
            last = m.Index + m.Length;
        }
        sb.Append(Encoding.UTF8.GetString(pending.ToArray()));
        return sb.Append(value[last..]).ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("boundary=\"?([^\";]+)\"?")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
