using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Driehoek.Web.Infrastructure.Outbox;

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, Guid messageId, CancellationToken ct);
}

/// <summary>
/// SMTP through the framework's client (MailKit does not restore here). Without Smtp:Host the
/// mail is written as .eml files to App_Data/mail, so a demo never needs a mail server.
/// </summary>
public sealed class SmtpEmailSender(IConfiguration config, IHostEnvironment env) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, Guid messageId, CancellationToken ct)
    {
        using var mail = new MailMessage
        {
            From = new MailAddress(config["Smtp:From"] ?? "driehoek@localhost", config["Smtp:FromName"] ?? "Driehoek"),
            Subject = message.Subject,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(message.To);
        // A stable Message-ID lets receivers drop a duplicate if a crash makes us send twice.
        mail.Headers.Add("Message-ID", $"<{messageId:N}@driehoek>");
        if (message.Language is not null)
        {
            mail.Headers.Add("Content-Language", message.Language);
        }
        foreach (var a in message.Attachments ?? [])
        {
            // A calendar invitation needs "method=REQUEST" on its content type, which the string
            // overload of CreateAttachmentFromString refuses; ContentType parses parameters.
            var type = new ContentType(a.ContentType) { CharSet = "utf-8", Name = a.FileName };
            var attachment = new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(a.Content)), type);
            attachment.ContentDisposition!.FileName = a.FileName;
            mail.Attachments.Add(attachment);
        }

        using var client = CreateClient();
        await client.SendMailAsync(mail, ct);
    }

    private SmtpClient CreateClient()
    {
        var host = config["Smtp:Host"];
        if (string.IsNullOrEmpty(host))
        {
            var folder = config["Smtp:PickupDirectory"] ?? Path.Combine(env.ContentRootPath, "App_Data", "mail");
            Directory.CreateDirectory(folder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        }
        var client = new SmtpClient(host, config.GetValue("Smtp:Port", 25))
        {
            EnableSsl = config.GetValue("Smtp:EnableSsl", false),
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (config["Smtp:User"] is { Length: > 0 } user)
        {
            client.Credentials = new NetworkCredential(user, config["Smtp:Password"]);
        }
        return client;
    }
}
