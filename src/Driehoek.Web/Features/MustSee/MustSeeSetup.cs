using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.MustSee;

public static class MustSeeSetup
{
    public static IServiceCollection AddMustSee(this IServiceCollection services)
    {
        services.AddScoped<GetMustSee>();
        services.AddScoped<MarkMustSee>();
        services.AddScoped<MustSeeInvitations>();
        services.AddScoped<IRoundPublication, MustSeePublication>();
        return services;
    }
}
