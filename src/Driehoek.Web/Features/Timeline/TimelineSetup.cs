namespace Driehoek.Web.Features.Timeline;

public static class TimelineSetup
{
    public static IServiceCollection AddTimeline(this IServiceCollection services)
    {
        services.AddScoped<GetStaffTimeline>();
        services.AddScoped<GetFamilyTimeline>();
        return services;
    }
}
