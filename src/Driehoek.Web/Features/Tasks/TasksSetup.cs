using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Tasks;

public static class TasksSetup
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<TaskNotices>();
        services.AddScoped<TaskBook>();
        // Until the contact log exists; it registers its own IContactHistory in place of this one.
        services.AddScoped<IContactHistory, HeldContacts>();
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
