namespace Driehoek.Web.Features.Reminders;

public sealed record ReminderReport(int NotBooked, int DayBefore);

/// <summary>One pass of the reminder worker: what is due at the clock's "now" goes out. Safe to run in several instances at once.</summary>
public sealed class SendReminders(NotBookedReminders notBooked, DayBeforeReminders dayBefore, TimeProvider clock)
{
    public async Task<ReminderReport> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new ReminderReport(await notBooked.SendAsync(now, ct), await dayBefore.SendAsync(now, ct));
    }
}

/// <summary>Runs <see cref="SendReminders"/> every minute (Reminders:PollSeconds), in every app instance.</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<ReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Reminders:Enabled", true))
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.GetValue("Reminders:PollSeconds", 60.0)));
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<SendReminders>().HandleAsync(ct);
            if (report.NotBooked + report.DayBefore > 0)
            {
                log.LogInformation("Reminders sent: {NotBooked} not booked yet, {DayBefore} day before", report.NotBooked, report.DayBefore);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Reminder round failed");
        }
    }
}
