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
    private static long _claims;

    /// <summary>
    /// Sends what is due; returns how many messages were handled. The batch is claimed in one write and the
    /// sent ones are marked in one more, so delivering a batch costs two writes, not two per message: on
    /// SQLite every write waits for the single writer, which the requests of a booking rush need too.
    /// </summary>
    public async Task<int> DeliverDueAsync(int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.AvailableAt <= now
                        && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.AvailableAt).Select(m => m.Id).Take(batchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        // Another instance may claim some of the same messages at the same moment; the condition lets each
        // message go to one of them, and the claim's own name tells this instance which ones it got.
        var claim = $"{Instance}:{Interlocked.Increment(ref _claims)}";
        var lease = now.AddMinutes(2);
        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease).SetProperty(m => m.LockedBy, claim), ct);
        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.LockedBy == claim && m.SentAt == null)
            .OrderBy(m => m.AvailableAt).ToListAsync(ct);

        var sent = new List<Guid>();
        try
        {
            foreach (var message in claimed)
            {
                if (await TrySendAsync(message, ct))
                {
                    sent.Add(message.Id);
                }
            }
        }
        finally
        {
            // Marked even when the host stops halfway, so what went out is not sent again.
            await MarkSentAsync(sent, CancellationToken.None);
        }
        return claimed.Count;
    }

    private async Task MarkSentAsync(List<Guid> sent, CancellationToken ct)
    {
        if (sent.Count == 0)
        {
            return;
        }
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LockedUntil, (DateTime?)null), ct);
    }

    private async Task<bool> TrySendAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            if (message.Kind == Outbox.EmailKind)
            {
                await sender.SendAsync(JsonSerializer.Deserialize<EmailMessage>(message.Payload)!, message.Id, ct);
            }
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var id = message.Id;
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
            return false;
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
