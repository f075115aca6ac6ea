namespace Driehoek.Web.Features.TakingPart;

public static class TakingPartSetup
{
    public static IServiceCollection AddTakingPart(this IServiceCollection services)
    {
        services.AddScoped<GetFamilyTakingPart>();
        services.AddScoped<AnswerTakingPart>();
        services.AddScoped<GetTakingPartDecision>();
        services.AddScoped<DecideWithoutChild>();
        return services;
    }
}
