using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Tasks;

public static class TasksSetup
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<TaskNotices>();
        services.AddScoped<TaskBook>();
        // The rules ask the contact log, which adds what staff logged to the held conversations and completed tasks.
        services.AddScoped<HeldContacts>();
        services.AddScoped<IContactHistory, Contacts.LoggedContacts>();
        services.AddScoped<NotContacted>();
        services.AddScoped<GetStaffTasks>();
        services.AddScoped<GetStudentTasks>();
        services.AddScoped<GetOversight>();
        services.AddScoped<CompleteTask>();
        services.AddScoped<SetQuietHours>();
        services.AddScoped<SaveContactRules>();
        services.AddScoped<RunTaskRules>();
        services.AddJob<TaskRulesJob>(TaskRulesJob.Kind, kind =>
        {
            kind.Every = config => TimeSpan.FromSeconds(config.GetValue("Tasks:PollSeconds", 300.0));
            kind.Enabled = config => config.GetValue("Tasks:RulesEnabled", true);
        });
        return services;
    }
}

/// <summary>Strings of the task pages, the contact rules and the task e-mails (Dutch and English: staff read them).</summary>
public sealed class TasksText;
