namespace Driehoek.Web.Features.Reminders;

public static class RemindersSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<NotBookedReminders>();
        services.AddScoped<DayBeforeReminders>();
        services.AddScoped<SendReminders>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }
}
