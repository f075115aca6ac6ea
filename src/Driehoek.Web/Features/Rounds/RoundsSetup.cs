using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

public static class RoundsSetup
{
    public static IServiceCollection AddRounds(this IServiceCollection services)
    {
        services.AddScoped<GetRoundPlan>();
        services.AddScoped<GetRound>();
        services.AddScoped<GetRoundForm>();
        services.AddScoped<SaveRound>();
        services.AddScoped<CreateDefaultPlan>();
        services.AddScoped<PublishRound>();
        services.AddScoped<CancelRound>();
        services.AddRoundInvitations();
        return services;
    }

    public static void MapRoundsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/schools/{schoolId:guid}/rounds", async (Guid schoolId, GetRoundPlan handler, IStringLocalizer<RoundsText> text, CancellationToken ct) =>
            (await handler.HandleAsync(schoolId, ct)).ToApi(text))
            .Serves(Resource.Rounds)
            .WithSummary("The school year's conversation rounds (school staff).");
        api.MapRoundInvitationsApi();
    }
}
