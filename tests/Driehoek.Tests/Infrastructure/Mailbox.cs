using System.Text.RegularExpressions;
using MimeKit;

namespace Driehoek.Tests.Infrastructure;

public sealed record Mail(string To, string Subject, string Body, IReadOnlyList<(string ContentType, string Content)> Parts)
{
    /// <summary>The whole message, for its headers and structure.</summary>
    public MimeMessage Message { get; init; } = null!;
}

/// <summary>
/// Reads what the app sent: from the SMTP server's Maildir when the test script runs one, else from
/// the app's pickup folder. Messages are found by recipient, which is unique per test.
/// </summary>
public static partial class Mailbox
{
    // 30 s: a machine busy with other test runs delivers late; a mail that never comes still fails the test.
    public static async Task<Mail> WaitForAsync(TestApp app, string to, Func<Mail, bool>? match = null, int timeoutMs = 30_000)
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
        return folders.Where(Directory.Exists).SelectMany(Directory.GetFiles).Select(f => Read(MimeMessage.Load(f)));
    }

    public static string Link(Mail mail, string path) =>
        LinkPattern().Matches(mail.Body).Select(m => m.Value).FirstOrDefault(v => v.Contains(path, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link with {path} in: {mail.Body}");

    private static Mail Read(MimeMessage message)
    {
        var parts = message.BodyParts.OfType<TextPart>()
            .Select(p => (ContentType: ContentTypeOf(p), Content: p.Text))
            .ToList();
        return new Mail(message.To.ToString(), message.Subject ?? "", message.TextBody ?? parts.FirstOrDefault().Content ?? "", parts) { Message = message };
    }

    /// <summary>"text/calendar; method=REQUEST; charset=utf-8", as the header reads.</summary>
    private static string ContentTypeOf(MimeEntity part) =>
        string.Join("; ", new[] { part.ContentType.MimeType }.Concat(part.ContentType.Parameters.Select(p => $"{p.Name}={p.Value}")));

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
