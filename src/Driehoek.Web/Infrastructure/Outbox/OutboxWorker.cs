using System.Text.Json;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox messages. Several app instances may run this at once: a message is claimed with a
/// conditional update (a lease), so only one instance sends it; a crashed instance's lease runs out.
/// </summary>
public sealed class OutboxDelivery(AppDbContext db, IEmailSender sender, TimeProvider clock, ILogger<OutboxDelivery> log)
{
    public const int MaxAttempts = 8;
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends what is due; returns how many messages were handled.</summary>
    public async Task<int> DeliverDueAsync(int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.AvailableAt <= now
                        && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.AvailableAt).Select(m => m.Id).Take(batchSize).ToListAsync(ct);

        var handled = 0;
        foreach (var id in due)
        {
            var lease = now.AddMinutes(2);
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease).SetProperty(m => m.LockedBy, Instance), ct);
            if (claimed == 1)
            {
                await DeliverOneAsync(id, ct);
                handled++;
            }
        }
        return handled;
    }

    private async Task DeliverOneAsync(Guid id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        try
        {
            if (message.Kind == Outbox.EmailKind)
            {
                await sender.SendAsync(JsonSerializer.Deserialize<EmailMessage>(message.Payload)!, message.Id, ct);
            }
            var sentAt = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LockedUntil, (DateTime?)null), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            log.LogWarning(ex, "Outbox message {MessageId} failed (attempt {Attempt})", id, attempts);
            var retryAt = now.AddSeconds(Math.Pow(2, attempts) * 15);
            DateTime? failedAt = attempts >= MaxAttempts ? now : null;
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.AvailableAt, retryAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.FailedAt, failedAt)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), ct);
        }
    }
}

public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IConfiguration config, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Outbox:PollSeconds", 5.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
                while (await delivery.DeliverDueAsync(50, stoppingToken) > 0)
                {
                    // Keep going while there is work.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Outbox delivery round failed");
            }
            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
