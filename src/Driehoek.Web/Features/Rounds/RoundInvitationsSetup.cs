using Driehoek.Web.Features.Home;
using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>Invitations with preparation: texts, sending on publication, letters and the preparation pages.</summary>
public static class RoundInvitationsSetup
{
    public static IServiceCollection AddRoundInvitations(this IServiceCollection services)
    {
        services.AddScoped<RoundInvitationSender>();
        services.AddScoped<IRoundPublication, RoundInvitationPublication>();
        services.AddJob<RoundInvitationJob>(RoundInvitationJob.Kind);
        services.AddScoped<SendMissingRoundInvitations>();
        services.AddScoped<GetRoundInvitationStatus>();
        services.AddScoped<GetInvitationTemplates>();
        services.AddScoped<SaveInvitationTemplate>();
        services.AddScoped<GetRoundInvitation>();
        services.AddScoped<GetLetters>();
        services.AddScoped<MarkLettersPrinted>();
        services.AddScoped<GetPreparation>();
        services.AddScoped<SavePreparation>();
        services.AddScoped<GetStaffPreparation>();
        services.AddScoped<GetPreparationList>();
        services.AddScoped<IAgendaSource, RoundInvitationAgenda>();
        return services;
    }

    public static void MapRoundInvitationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{roundId:guid}/preparation", async (Guid roundId, Guid student, GetPreparation handler, IStringLocalizer<RoundFamilyText> text, CancellationToken ct) =>
            (await handler.HandleAsync(roundId, student, ct)).ToApi(text))
            .Serves(Resource.FamilyPreparation)
            .WithSummary("The signed-in parent's (household's) or student's own preparation for a child's conversation.");
        api.MapPut("/rounds/{roundId:guid}/preparation", async (Guid roundId, Guid student, PreparationRequest request, SavePreparation handler,
                IStringLocalizer<RoundFamilyText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new SavePreparationCommand(roundId, student, false, request.Answers ?? [], request.Version), ct)).ToApi(text))
            .Serves(Resource.FamilyPreparation)
            .WithSummary("Saves that preparation; 409 when someone else changed it since the given version.");
        api.MapPost("/rounds/{roundId:guid}/invitations/send-missing", async (Guid roundId, SendMissingRoundInvitations handler,
                IStringLocalizer<InvitationStaffText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new SendMissingRoundInvitationsCommand(roundId), ct)).ToApi(text))
            .Serves(Resource.RoundInvitations)
            .WithSummary("Starts inviting the households of a published round that have no invitation yet (school leaders), in the background; answers how many it will invite, 409 while a send is under way.");
    }
}

public sealed record PreparationRequest(IReadOnlyList<string?>? Answers, Guid? Version);
