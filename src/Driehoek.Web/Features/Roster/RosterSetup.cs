using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Roster;

public static class RosterSetup
{
    public static IServiceCollection AddRoster(this IServiceCollection services)
    {
        // One import at a time per instance: it holds a transaction (on SQLite, the one writer) while it runs.
        services.AddJob<RosterImportJob>(RosterImportJob.Kind);
        services.AddScoped<UploadRoster>();
        services.AddScoped<CommitRoster>();
        services.AddScoped<GetRosterImport>();
        return services;
    }
}

public static class RosterApi
{
    public static void MapRosterApi(this RouteGroupBuilder api) =>
        api.MapGet("/roster-imports/{importId:guid}", async (Guid importId, GetRosterImport handler,
                Microsoft.Extensions.Localization.IStringLocalizer<RosterText> text, CancellationToken ct) =>
            (await handler.HandleAsync(importId, ct)).ToApi(text))
            .Serves(Resource.RosterImport)
            .WithSummary("A roster import: its preview (changes, errors per line) and progress.");
}
