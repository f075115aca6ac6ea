using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Driehoek.Web.Infrastructure.Outbox;

/// <summary>Turns an outbox <see cref="EmailMessage"/> into the MIME message that leaves.</summary>
public static class MailComposer
{
    public static MimeMessage Compose(EmailMessage mail, Guid messageId, MailboxAddress from)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        // A stable Message-ID lets receivers drop a duplicate if a crash makes us send twice.
        message.MessageId = $"{messageId:N}@driehoek";
        // RFC 3834: no auto-replies ("out of office") to a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.Language is not null)
        {
            message.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        }
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            if (mail.OneClickUnsubscribe)
            {
                // RFC 8058: only for an address where a POST alone unsubscribes, without signing in.
                message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = MailHtml.FromText(mail.TextBody, mail.Language) };
        foreach (var a in mail.Attachments ?? [])
        {
            // The calendar's own parameters (method=REQUEST) stay on the content type.
            var type = ContentType.Parse(a.ContentType);
            type.Charset = "utf-8";
            type.Name = a.FileName;
            body.Attachments.Add(a.FileName, Encoding.UTF8.GetBytes(a.Content), type);
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}

/// <summary>
/// The HTML part is made from the text part, never from HTML a user wrote: every character is encoded,
/// blank lines become paragraphs, line breaks stay, and web addresses become links.
/// </summary>
public static partial class MailHtml
{
    public static string FromText(string text, string? language)
    {
        var lang = string.IsNullOrEmpty(language) ? "nl" : language;
        var rtl = IsRightToLeft(lang);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(WebUtility.HtmlEncode(lang)).Append('"').Append(rtl ? " dir=\"rtl\"" : "")
            .Append("><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>")
            .Append("<body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a\">\n");
        var paragraphs = BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n'));
        foreach (var paragraph in paragraphs.Where(p => p.Trim().Length > 0))
        {
            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }
                AppendLine(html, lines[i]);
            }
            html.Append("</p>\n");
        }
        return html.Append("</body></html>").ToString();
    }

    private static void AppendLine(StringBuilder html, string line)
    {
        var at = 0;
        foreach (Match link in Links().Matches(line))
        {
            html.Append(WebUtility.HtmlEncode(line[at..link.Index]));
            var url = WebUtility.HtmlEncode(link.Value);
            html.Append("<a href=\"").Append(url).Append("\">").Append(url).Append("</a>");
            at = link.Index + link.Length;
        }
        html.Append(WebUtility.HtmlEncode(line[at..]));
    }

    private static bool IsRightToLeft(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex BlankLines();

    // A link ends before trailing punctuation: "see https://x/y." links https://x/y.
    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)\]']")]
    private static partial Regex Links();
}
