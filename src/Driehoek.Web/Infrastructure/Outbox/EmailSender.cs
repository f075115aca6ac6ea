using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Driehoek.Web.Infrastructure.Outbox;

public interface IEmailSender
{
    /// <summary>A session for one batch: its messages share one SMTP connection.</summary>
    IEmailSession OpenSession();
}

public interface IEmailSession : IAsyncDisposable
{
    Task SendAsync(EmailMessage message, Guid messageId, CancellationToken ct);
}

/// <summary>
/// SMTP through MailKit, one connection per batch. Without Smtp:Host the mail is written as .eml files to
/// App_Data/mail (or Smtp:PickupDirectory), so a demo never needs a mail server.
/// </summary>
public sealed class SmtpEmailSender(IConfiguration config, IHostEnvironment env) : IEmailSender
{
    public IEmailSession OpenSession()
    {
        var from = new MailboxAddress(config["Smtp:FromName"] ?? "Driehoek", config["Smtp:From"] ?? "driehoek@localhost");
        if (string.IsNullOrEmpty(config["Smtp:Host"]))
        {
            return new PickupSession(config["Smtp:PickupDirectory"] ?? Path.Combine(env.ContentRootPath, "App_Data", "mail"), from);
        }
        return new SmtpSession(config, from);
    }

    private sealed class SmtpSession(IConfiguration config, MailboxAddress from) : IEmailSession
    {
        private readonly SmtpClient _client = new() { Timeout = config.GetValue("Smtp:TimeoutSeconds", 60) * 1000 };

        public async Task SendAsync(EmailMessage message, Guid messageId, CancellationToken ct)
        {
            if (!_client.IsConnected)
            {
                await ConnectAsync(ct);
            }
            // After a rejected message the connection stays usable; after a broken one MailKit has
            // disconnected, and the next message connects again.
            await _client.SendAsync(MailComposer.Compose(message, messageId, from), ct);
        }

        private async Task ConnectAsync(CancellationToken ct)
        {
            var port = config.GetValue("Smtp:Port", 25);
            var security = config.GetValue("Smtp:EnableSsl", false)
                ? port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
                : SecureSocketOptions.None;
            await _client.ConnectAsync(config["Smtp:Host"]!, port, security, ct);
            if (config["Smtp:User"] is { Length: > 0 } user)
            {
                await _client.AuthenticateAsync(user, config["Smtp:Password"] ?? "", ct);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException)
            {
                // The messages are sent; a lost QUIT changes nothing.
            }
            finally
            {
                _client.Dispose();
            }
        }
    }

    private sealed class PickupSession(string folder, MailboxAddress from) : IEmailSession
    {
        public async Task SendAsync(EmailMessage message, Guid messageId, CancellationToken ct)
        {
            // Written to tmp/ first and moved in, so a reader of the folder never sees half a message.
            var staging = Path.Combine(folder, "tmp");
            Directory.CreateDirectory(staging);
            var temporary = Path.Combine(staging, $"{messageId:N}.eml");
            await MailComposer.Compose(message, messageId, from).WriteToAsync(temporary, ct);
            File.Move(temporary, Path.Combine(folder, $"{messageId:N}.eml"), overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
