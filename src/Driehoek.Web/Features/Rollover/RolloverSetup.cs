namespace Driehoek.Web.Features.Rollover;

public static class RolloverSetup
{
    public static IServiceCollection AddRollover(this IServiceCollection services)
    {
        services.AddScoped<GetRollover>();
        services.AddScoped<RollOverSchool>();
        services.AddScoped<SaveReadDays>();
        services.AddScoped<GetBoardRollover>();
        services.AddSingleton<RolloverCheckpoints>();
        return services;
    }
}
