using Driehoek.Web.Infrastructure.Jobs;

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

/// <summary>
/// Runs <see cref="SendReminders"/> as a recurring job: every Reminders:PollSeconds, one instance does the
/// pass (the job's lease), and the reminders' own claims still keep a household from hearing it twice.
/// </summary>
public sealed class ReminderJob(SendReminders reminders, ILogger<ReminderJob> log) : IJobHandler
{
    public const string Kind = "reminders";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var report = await reminders.HandleAsync(ct);
        if (report.NotBooked + report.DayBefore > 0)
        {
            log.LogInformation("Reminders sent: {NotBooked} not booked yet, {DayBefore} day before", report.NotBooked, report.DayBefore);
        }
    }
}
