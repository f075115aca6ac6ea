using Driehoek.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.People;

public static class PeopleSetup
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<GetStudentProfile>();
        services.AddScoped<GetChild>();
        return services;
    }

    public static void MapPeopleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/students/{studentId:guid}", async (Guid studentId, GetStudentProfile handler, IStringLocalizer<SharedText> text, CancellationToken ct) =>
            (await handler.HandleAsync(studentId, ct)).ToApi(text))
            .Serves(Resource.StudentRecord)
            .WithSummary("A student's record with guardians' contact details (staff who work with the student). Audit-logged.");
        api.MapGet("/children/{studentId:guid}", async (Guid studentId, GetChild handler, IStringLocalizer<SharedText> text, CancellationToken ct) =>
            (await handler.HandleAsync(studentId, ct)).ToApi(text))
            .Serves(Resource.Child)
            .WithSummary("What a guardian (or the student) sees of a child.");
    }
}
