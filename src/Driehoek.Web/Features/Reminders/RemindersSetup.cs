using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Reminders;

public static class RemindersSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<NotBookedReminders>();
        services.AddScoped<DayBeforeReminders>();
        services.AddScoped<SendReminders>();
        services.AddJob<ReminderJob>(ReminderJob.Kind, kind =>
        {
            kind.Every = config => TimeSpan.FromSeconds(config.GetValue("Reminders:PollSeconds", 60.0));
            kind.Enabled = config => config.GetValue("Reminders:Enabled", true);
        });
        return services;
    }
}
