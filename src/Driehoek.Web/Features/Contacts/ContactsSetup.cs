namespace Driehoek.Web.Features.Contacts;

public static class ContactsSetup
{
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddScoped<ContactMail>();
        services.AddScoped<LogContact>();
        services.AddScoped<FamilyReports>();
        services.AddScoped<StudentConcerns>();
        services.AddScoped<GetContactLog>();
        services.AddScoped<GetMyContacts>();
        services.AddScoped<GetFamilyConcerns>();
        return services;
    }
}
