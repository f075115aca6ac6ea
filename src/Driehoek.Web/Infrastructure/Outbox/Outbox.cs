using System.Text.Json;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Infrastructure.Outbox;

public sealed record EmailAttachment(string FileName, string ContentType, string Content);

/// <param name="UnsubscribeUrl">Where the recipient manages these e-mails (List-Unsubscribe).</param>
/// <param name="OneClickUnsubscribe">Only when a POST to <paramref name="UnsubscribeUrl"/> alone unsubscribes (RFC 8058).</param>
public sealed record EmailMessage(
    string To,
    string Subject,
    string TextBody,
    string? Language = null,
    IReadOnlyList<EmailAttachment>? Attachments = null,
    string? UnsubscribeUrl = null,
    bool OneClickUnsubscribe = false);

/// <summary>
/// Adds side effects to the caller's unit of work; they are delivered only if it commits. The worker is
/// woken after the commit (<see cref="OutboxCommitSignal"/>).
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock, OutboxCommitSignal commits)
{
    public const string EmailKind = "email";

    public void Email(EmailMessage message, DateTime? notBefore = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = EmailKind,
            Payload = JsonSerializer.Serialize(message),
            CreatedAt = now,
            AvailableAt = notBefore ?? now,
        });
        commits.Expect(db);
    }
}

/// <summary>Wakes the worker early after a commit, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Poke()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Someone else woke it already.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}

public sealed class OutboxOptions
{
    /// <summary>How often the worker looks for due messages when nobody woke it.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Batches sent at once, each over its own SMTP connection.</summary>
    public int Senders { get; set; } = 4;

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long the worker, woken by a commit, waits before it looks: during a booking rush the confirmations of the
    /// next quarter second go out in the same batch, claimed and read with one statement each instead of a few each.
    /// </summary>
    public int GatherMilliseconds { get; set; } = 250;

    /// <summary>How long a claim holds without renewal; after a crash, its messages wait this long.</summary>
    public double LeaseSeconds { get; set; } = 60;
}

public static class OutboxSetup
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitSignal>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<OutboxCommitSignal>());
        services.AddScoped<Outbox>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
