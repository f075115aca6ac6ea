using System.Text.Json;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Driehoek.Web.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox messages. Several senders, in one or several app instances, may run this at once. A
/// batch is claimed with a conditional update that sets a lease; before each send the claim is checked
/// and the lease extended (a slow send keeps extending it), so another sender never sends a message this
/// one still holds. Each message is marked sent right after the SMTP server accepted it: after a crash
/// only the message in flight can go out twice.
/// </summary>
public sealed class OutboxDelivery(AppDbContext db, IEmailSender sender, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDelivery> log)
{
    public const int MaxAttempts = 8;
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private static long _claims;

    // The senders of one process take turns claiming, so they split the due messages instead of racing for the same ones.
    private static readonly SemaphoreSlim ClaimTurns = new(1, 1);

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>Claims a batch of due messages and sends it over one connection; returns how many it claimed.</summary>
    public Task<int> DeliverDueAsync(int batchSize, CancellationToken ct) => DeliverDueAsync(batchSize, null, ct);

    /// <param name="claimed">Called once the batch is claimed, before it is sent.</param>
    public async Task<int> DeliverDueAsync(int batchSize, Action? claimed, CancellationToken ct)
    {
        var (claim, messages) = await ClaimAsync(batchSize, ct);
        if (messages.Count == 0)
        {
            return 0;
        }
        claimed?.Invoke();
        try
        {
            await using var session = sender.OpenSession();
            var mine = false;
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                if (!mine && !await RenewAsync(message.Id, claim))
                {
                    log.LogInformation("Outbox message {MessageId} was claimed by another sender after its lease ran out", message.Id);
                    continue;
                }
                var error = await SendAsync(session, message, claim, ct);
                if (error is null)
                {
                    // One write: this message is sent, and the next one is still ours for another lease.
                    mine = await MarkSentAsync(message.Id, i + 1 < messages.Count ? messages[i + 1].Id : null, claim);
                }
                else
                {
                    await MarkFailedAsync(message, error);
                    mine = false;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: what this claim has not sent is free for the next sender at once, not after the lease.
            await db.OutboxMessages.Where(m => m.LockedBy == claim && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            throw;
        }
        return messages.Count;
    }

    private async Task<(string Claim, List<OutboxMessage> Messages)> ClaimAsync(int batchSize, CancellationToken ct)
    {
        await ClaimTurns.WaitAsync(ct);
        try
        {
            // Another instance may claim some of the same messages at the same moment; the condition gives each
            // message to one of them, and the claim's own name tells this sender which ones it got.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var senders = Math.Max(1, options.Value.Senders);
                var found = await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.SentAt == null && m.FailedAt == null && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                    .OrderBy(m => m.AvailableAt).Select(m => m.Id).Take(batchSize * senders).ToListAsync(ct);
                if (found.Count == 0)
                {
                    break;
                }
                // A fair share, so that a few slow messages keep every sender busy rather than one.
                var due = found.Take(Math.Clamp((found.Count + senders - 1) / senders, 1, batchSize)).ToList();
                var claim = $"{Instance}:{Interlocked.Increment(ref _claims)}";
                // The lease counts from the claim itself, not from the start of the query (a cold first query takes a while).
                var claimedAt = clock.GetUtcNow().UtcDateTime;
                var lease = claimedAt + Lease;
                var claimed = await db.OutboxMessages
                    .Where(m => due.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < claimedAt))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease).SetProperty(m => m.LockedBy, claim), ct);
                if (claimed > 0)
                {
                    return (claim, await db.OutboxMessages.AsNoTracking()
                        .Where(m => due.Contains(m.Id) && m.LockedBy == claim && m.SentAt == null)
                        .OrderBy(m => m.AvailableAt).ToListAsync(ct));
                }
            }
            return ("", []);
        }
        finally
        {
            ClaimTurns.Release();
        }
    }

    /// <summary>Sends one message; while the SMTP server takes its time, the lease is extended.</summary>
    private async Task<Exception?> SendAsync(IEmailSession session, OutboxMessage message, string claim, CancellationToken ct)
    {
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = KeepLeaseAsync(message.Id, claim, sending.Token);
        try
        {
            if (message.Kind == Outbox.EmailKind)
            {
                await session.SendAsync(JsonSerializer.Deserialize<EmailMessage>(message.Payload)!, message.Id, ct);
            }
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return ex;
        }
        finally
        {
            await sending.CancelAsync();
            await heartbeat;
        }
    }

    private async Task KeepLeaseAsync(Guid id, string claim, CancellationToken sending)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, sending);
                if (!await RenewAsync(id, claim))
                {
                    log.LogWarning("Outbox message {MessageId} lost its claim while being sent", id);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            // The send is over.
        }
        catch (Exception ex)
        {
            // The send goes on and its outcome is recorded; only the lease may now run out.
            log.LogWarning(ex, "Outbox message {MessageId}: extending the lease failed", id);
        }
    }

    /// <summary>"Still mine → extend the lease": false when another sender has claimed it since.</summary>
    private async Task<bool> RenewAsync(Guid id, string claim)
    {
        var lease = clock.GetUtcNow().UtcDateTime + Lease;
        return await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == claim && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease), CancellationToken.None) == 1;
    }

    /// <summary>Marks a message sent and, in the same statement, renews the claim on the next; true when the next is still ours.</summary>
    private async Task<bool> MarkSentAsync(Guid sent, Guid? next, string claim)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (next is not { } following)
        {
            await db.OutboxMessages.Where(m => m.Id == sent).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, now).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            return false;
        }
        var lease = now + Lease;
        var rows = await db.OutboxMessages
            .Where(m => m.Id == sent || (m.Id == following && m.LockedBy == claim && m.SentAt == null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, m => m.Id == sent ? now : m.SentAt)
                .SetProperty(m => m.LockedUntil, m => m.Id == sent ? null : lease), CancellationToken.None);
        return rows == 2;
    }

    private async Task MarkFailedAsync(OutboxMessage message, Exception ex)
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
            .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
    }
}

/// <summary>
/// Runs <see cref="OutboxOptions.Senders"/> senders side by side, each with its own scope and SMTP
/// connection, until nothing is due; then sleeps until a commit wakes it or the next poll. One sender looks
/// first and the others join once it has found work, so an idle app polls with one query.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var interval = TimeSpan.FromSeconds(settings.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var others = Task.CompletedTask;
            await DrainAsync(settings.BatchSize, () => others = Task.WhenAll(
                Enumerable.Range(1, Math.Max(1, settings.Senders) - 1).Select(_ => DrainAsync(settings.BatchSize, null, stoppingToken))), stoppingToken);
            await others;
            try
            {
                if (await signal.WaitAsync(interval, stoppingToken) && settings.GatherMilliseconds > 0)
                {
                    await Task.Delay(settings.GatherMilliseconds, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DrainAsync(int batchSize, Action? foundWork, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
            while (await delivery.DeliverDueAsync(batchSize, foundWork, ct) > 0)
            {
                foundWork = null;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Outbox delivery round failed");
        }
    }
}
