using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Grades;

public static class GradesSetup
{
    public static IServiceCollection AddGrades(this IServiceCollection services)
    {
        services.AddJob<GradeImportJob>(GradeImportJob.Kind);
        services.AddScoped<UploadGrades>();
        services.AddScoped<CommitGrades>();
        services.AddScoped<GetGradeImport>();
        services.AddScoped<GradeRules>();
        return services;
    }
}

/// <summary>Strings of the grades import pages (Dutch and English).</summary>
public sealed class GradesText;
