namespace Driehoek.Web.Features.Organisation;

public static class OrganisationSetup
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<GetSchoolOverview>();
        services.AddScoped<GetGroupRoster>();
        services.AddScoped<GetBoardOverview>();
        services.AddScoped<GetSchoolSettings>();
        services.AddScoped<SaveSchoolSettings>();
        services.AddScoped<SaveBoardSettings>();
        return services;
    }
}
