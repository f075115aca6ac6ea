using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Driehoek.Tests.Platform;

public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("driehoek-outbox-").FullName;
    private readonly TestClock _clock = new();
    private DbContextOptions<SqliteAppDbContext> _options = null!;

    public async Task InitializeAsync()
    {
        _options = DatabaseSetup.Options<SqliteAppDbContext>(new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "o.db")}"));
        await using var db = new SqliteAppDbContext(_options);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
        return Task.CompletedTask;
    }

    private sealed class FlakySender(int failures) : IEmailSender, IEmailSession
    {
        public int Attempts;
        public List<Guid> Sent { get; } = [];

        public IEmailSession OpenSession() => this;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public Task SendAsync(EmailMessage message, Guid messageId, CancellationToken ct)
        {
            if (Interlocked.Increment(ref Attempts) <= failures)
            {
                throw new IOException("mail server down");
            }
            lock (Sent)
            {
                Sent.Add(messageId);
            }
            return Task.CompletedTask;
        }
    }

    private async Task<Guid> EnqueueAsync()
    {
        await using var db = new SqliteAppDbContext(_options);
        new Outbox(db, _clock, new OutboxCommitSignal(new OutboxSignal())).Email(new EmailMessage("ouder@test.invalid", "Onderwerp", "Tekst"));
        await db.SaveChangesAsync();
        return await db.OutboxMessages.Select(m => m.Id).SingleAsync();
    }

    private async Task<int> DeliverAsync(IEmailSender sender)
    {
        await using var db = new SqliteAppDbContext(_options);
        return await new OutboxDelivery(db, sender, _clock, Options.Create(new OutboxOptions { Senders = 1 }), NullLogger<OutboxDelivery>.Instance).DeliverDueAsync(10, CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_send_is_retried_later_and_then_sent_once()
    {
        var id = await EnqueueAsync();
        var sender = new FlakySender(failures: 1);

        await DeliverAsync(sender);
        await using (var db = new SqliteAppDbContext(_options))
        {
            var message = await db.OutboxMessages.SingleAsync();
            Assert.Equal(1, message.Attempts);
            Assert.Contains("mail server down", message.LastError);
            Assert.Null(message.SentAt);
        }
        Assert.Equal(0, await DeliverAsync(sender)); // not due yet: backing off

        _clock.Advance(TimeSpan.FromMinutes(5));
        await DeliverAsync(sender);
        await DeliverAsync(sender);

        Assert.Equal([id], sender.Sent);
    }

    [Fact]
    public async Task Two_workers_at_once_send_a_message_once()
    {
        await EnqueueAsync();
        var sender = new FlakySender(failures: 0);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DeliverAsync(sender)));

        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task Workers_claiming_batches_at_once_send_every_message_exactly_once()
    {
        await EnqueueManyAsync(35);
        var sender = new FlakySender(failures: 0);

        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DeliverAsync(sender)));
        }

        Assert.Equal(35, sender.Sent.Count);
        Assert.Equal(35, sender.Sent.Distinct().Count());
        await using var check = new SqliteAppDbContext(_options);
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.SentAt == null));
    }

    [Fact]
    public async Task One_failure_in_a_batch_leaves_the_others_sent_and_only_itself_to_retry()
    {
        await EnqueueManyAsync(3);
        var sender = new FlakySender(failures: 1);

        Assert.Equal(3, await DeliverAsync(sender));

        await using var db = new SqliteAppDbContext(_options);
        var messages = await db.OutboxMessages.ToListAsync();
        Assert.Equal(2, messages.Count(m => m.SentAt != null && m.Attempts == 0));
        var failed = Assert.Single(messages, m => m.SentAt == null);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.LockedUntil);
    }

    private async Task EnqueueManyAsync(int count)
    {
        await using var db = new SqliteAppDbContext(_options);
        var outbox = new Outbox(db, _clock, new OutboxCommitSignal(new OutboxSignal()));
        for (var i = 0; i < count; i++)
        {
            outbox.Email(new EmailMessage("ouder@test.invalid", "Onderwerp", "Tekst"));
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_worker_is_woken_once_the_message_is_committed_not_before()
    {
        var signal = new OutboxSignal();
        var commits = new OutboxCommitSignal(signal);
        var builder = new DbContextOptionsBuilder<SqliteAppDbContext>(_options);
        await using var db = new SqliteAppDbContext(builder.AddInterceptors(commits).Options);
        var outbox = new Outbox(db, _clock, commits);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            outbox.Email(new EmailMessage("ouder@test.invalid", "In een transactie", "Tekst"));
            await db.SaveChangesAsync();
            Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)); // saved, not yet committed
            await transaction.CommitAsync();
        }
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        outbox.Email(new EmailMessage("ouder@test.invalid", "Zonder transactie", "Tekst"));
        await db.SaveChangesAsync();
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        await db.SaveChangesAsync(); // nothing new for the outbox
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_given_up_after_the_last_attempt()
    {
        await EnqueueAsync();
        var sender = new FlakySender(failures: int.MaxValue);
        for (var i = 0; i < OutboxDelivery.MaxAttempts + 2; i++)
        {
            await DeliverAsync(sender);
            _clock.Advance(TimeSpan.FromDays(1));
        }

        await using var db = new SqliteAppDbContext(_options);
        var message = await db.OutboxMessages.SingleAsync();
        Assert.NotNull(message.FailedAt);
        Assert.Equal(OutboxDelivery.MaxAttempts, message.Attempts);
    }
}

/// <summary>The SMTP lane: mail leaves through a real SMTP server (the test script's aiosmtpd).</summary>
[Collection(SqliteCollection.Name)]
[Trait("Lane", "Smtp")]
public sealed class SmtpLaneTests(SqliteApp app)
{
    [Fact]
    public async Task An_outbox_email_reaches_the_smtp_server_with_text_and_html_parts_its_attachment_and_bulk_headers()
    {
        Assert.True(TestEnvironment.SmtpPort is not null && TestEnvironment.Maildir is not null,
            "DRIEHOEK_TEST_SMTP_PORT and DRIEHOEK_TEST_MAILDIR are not set: run the tests with scripts/test.sh, which starts an SMTP server.");
        var to = $"smtp.{Guid.NewGuid():N}@test.invalid";

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<Outbox>().Email(new EmailMessage(to, "Uitnodiging: gesprek",
                "Tot dinsdag! Ç ë ş <script>alert(1)</script>\n\nKies een tijd: https://driehoek.test/bookings/1.",
                "nl", [new EmailAttachment("gesprek.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")],
                UnsubscribeUrl: "https://driehoek.test/account", OneClickUnsubscribe: true));
            await db.SaveChangesAsync();
        }

        var mail = await Mailbox.WaitForAsync(app, to);
        var message = mail.Message;
        Assert.Equal("Uitnodiging: gesprek", mail.Subject);
        Assert.Contains("Ç ë ş <script>", mail.Body);
        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        var html = message.HtmlBody;
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<a href=\"https://driehoek.test/bookings/1\">", html);
        Assert.Contains("<p>Tot dinsdag!", html);
        var calendar = Assert.IsType<TextPart>(mixed[1]);
        Assert.True(calendar.IsAttachment);
        Assert.Equal("gesprek.ics", calendar.FileName);
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("<https://driehoek.test/account>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("nl", message.Body.Headers[HeaderId.ContentLanguage]); // a Content-* header: MimeKit files it under the body
        Assert.EndsWith("@driehoek", message.MessageId);
        Assert.Empty(Directory.Exists(app.PickupFolder) ? Directory.GetFiles(app.PickupFolder) : []);
    }
}

public sealed class MailHtmlTests
{
    [Fact]
    public void Text_becomes_encoded_paragraphs_with_line_breaks_and_links_and_never_raw_html()
    {
        var html = MailHtml.FromText("Beste <b>ouder</b> & co,\nregel twee\n\nZie https://x.test/a?b=1&c=\"2\". Tot ziens", "nl");

        Assert.Contains("<p>Beste &lt;b&gt;ouder&lt;/b&gt; &amp; co,<br>regel twee</p>", html);
        Assert.Contains("<a href=\"https://x.test/a?b=1&amp;c=\">https://x.test/a?b=1&amp;c=</a>&quot;2&quot;. Tot ziens", html);
        Assert.Contains("lang=\"nl\"", html);
    }

    [Fact]
    public void Arabic_mail_reads_right_to_left()
    {
        Assert.Contains("dir=\"rtl\"", MailHtml.FromText("مرحبا", "ar"));
        Assert.DoesNotContain("dir=", MailHtml.FromText("Hallo", "nl"));
    }
}
