using Driehoek.Web.Features.Home;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Conversations;

/// <summary>Invitations with preparation: texts, sending on publication, letters and the preparation pages.</summary>
public static class InvitationsSetup
{
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddScoped<InvitationSender>();
        services.AddScoped<IRoundPublication, InvitationPublication>();
        services.AddScoped<SendMissingInvitations>();
        services.AddScoped<GetInvitationStatus>();
        services.AddScoped<GetInvitationTemplates>();
        services.AddScoped<SaveInvitationTemplate>();
        services.AddScoped<GetInvitation>();
        services.AddScoped<GetLetters>();
        services.AddScoped<MarkLettersPrinted>();
        services.AddScoped<GetPreparation>();
        services.AddScoped<SavePreparation>();
        services.AddScoped<GetStaffPreparation>();
        services.AddScoped<GetPreparationList>();
        services.AddScoped<IAgendaSource, InvitationAgenda>();
        return services;
    }

    public static void MapInvitationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{roundId:guid}/preparation", async (Guid roundId, Guid student, GetPreparation handler, IStringLocalizer<ConversationsText> text, CancellationToken ct) =>
            (await handler.HandleAsync(roundId, student, ct)).ToApi(text))
            .WithSummary("The signed-in parent's (household's) or student's own preparation for a child's conversation.");
        api.MapPut("/rounds/{roundId:guid}/preparation", async (Guid roundId, Guid student, PreparationRequest request, SavePreparation handler,
                IStringLocalizer<ConversationsText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new SavePreparationCommand(roundId, student, false, request.Answers ?? [], request.Version), ct)).ToApi(text))
            .WithSummary("Saves that preparation; 409 when someone else changed it since the given version.");
        api.MapPost("/rounds/{roundId:guid}/invitations/send-missing", async (Guid roundId, SendMissingInvitations handler,
                IStringLocalizer<InvitationStaffText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new SendMissingInvitationsCommand(roundId), ct)).ToApi(text))
            .WithSummary("Invites the households of a published round that have no invitation yet (school leaders); answers how many.");
    }
}

public sealed record PreparationRequest(IReadOnlyList<string?>? Answers, Guid? Version);
