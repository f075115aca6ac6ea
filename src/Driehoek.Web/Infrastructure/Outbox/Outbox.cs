using System.Text.Json;
using Driehoek.Web.Infrastructure.Data;

namespace Driehoek.Web.Infrastructure.Outbox;

public sealed record EmailAttachment(string FileName, string ContentType, string Content);

public sealed record EmailMessage(
    string To,
    string Subject,
    string TextBody,
    string? Language = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>Adds side effects to the caller's unit of work; they are delivered only if it commits.</summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock, OutboxSignal signal)
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
        signal.Poke();
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

public static class OutboxSetup
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
