namespace Driehoek.Web.Features.Home;

public static class HomeSetup
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<GetMyHome>();
        return services;
    }

    public static void MapHomeApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", async (GetMyHome handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .Serves(Resource.Home)
            .WithSummary("The signed-in person: children, own student record, groups, homes and what is coming up.");
}
