using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Conversations;

public static class ConversationsSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddScoped<GetRoundPlan>();
        services.AddScoped<GetRound>();
        services.AddScoped<GetRoundForm>();
        services.AddScoped<SaveRound>();
        services.AddScoped<CreateDefaultPlan>();
        services.AddScoped<PublishRound>();
        services.AddScoped<CancelRound>();
        services.AddInvitations();
        return services;
    }

    public static void MapConversationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/schools/{schoolId:guid}/rounds", async (Guid schoolId, GetRoundPlan handler, IStringLocalizer<RoundsText> text, CancellationToken ct) =>
            (await handler.HandleAsync(schoolId, ct)).ToApi(text))
            .WithSummary("The school year's conversation rounds (school staff).");
        api.MapInvitationsApi();
    }
}
