namespace Driehoek.Web.Features.Feedback;

public static class FeedbackSetup
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<GetMyFeedback>();
        services.AddScoped<GiveFeedback>();
        services.AddScoped<GetFeedbackTotals>();
        services.AddScoped<Home.IAgendaSource, FeedbackAgenda>();
        return services;
    }
}
