namespace Driehoek.Web.Features.Coverage;

public static class CoverageSetup
{
    public static IServiceCollection AddCoverage(this IServiceCollection services)
    {
        services.AddScoped<GetSchoolCoverage>();
        services.AddScoped<GetGroupCoverage>();
        services.AddScoped<GetBoardCoverage>();
        services.AddScoped<LogCall>();
        services.AddScoped<GetContactCoverage>();
        return services;
    }
}
