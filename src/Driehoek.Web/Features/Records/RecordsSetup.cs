namespace Driehoek.Web.Features.Records;

public static class RecordsSetup
{
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddScoped<GetRecord>();
        services.AddScoped<SaveRecord>();
        services.AddScoped<GetAgendaTemplate>();
        services.AddScoped<SaveAgendaTemplate>();
        services.AddScoped<GetStudentNotes>();
        services.AddScoped<AddStudentNote>();
        services.AddScoped<GetSharedWithFamily>();
        services.AddScoped<GetGuide>();
        return services;
    }
}
