using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Home;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.FollowThrough;

public sealed record OutcomeRequest(BookingStatus Outcome, bool? StudentPresent, Guid? Version);

public static class FollowThroughSetup
{
    public static IServiceCollection AddFollowThrough(this IServiceCollection services)
    {
        services.AddScoped<RecordOutcome>();
        services.AddScoped<GetRoundOverview>();
        services.AddScoped<GetDayList>();
        services.AddScoped<IAgendaSource, DayListAgenda>();
        return services;
    }

    public static void MapFollowThroughApi(this RouteGroupBuilder api)
    {
        api.MapPost("/bookings/{bookingId:guid}/outcome", async (Guid bookingId, OutcomeRequest request, RecordOutcome handler,
                IStringLocalizer<FollowThroughText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new RecordOutcomeCommand(bookingId, request.Outcome, request.StudentPresent, request.Version), ct)).ToApi(text))
            .Serves(Resource.Outcome)
            .WithSummary("Records how a conversation went: held or no-show (once started), or cancelled; and whether the student was there. The booking's teacher or a school leader.");
        api.MapGet("/rounds/{roundId:guid}/overview", async (Guid roundId, GetRoundOverview handler, IStringLocalizer<FollowThroughText> text, CancellationToken ct) =>
            (await handler.HandleAsync(roundId, ct)).ToApi(text))
            .Serves(Resource.RoundOverview)
            .WithSummary("Per group of a round: who booked, who came, who was not reached (school staff; teachers see their own groups).");
        api.MapGet("/rounds/{roundId:guid}/day", async (Guid roundId, DateOnly? date, Guid? staff, GetDayList handler, IStringLocalizer<FollowThroughText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new DayListQuery(roundId, date, staff), ct)).ToApi(text))
            .Serves(Resource.DayList)
            .WithSummary("A teacher's conversations of one day with topics and preparation (the teacher, or a school leader). Audit-logged.");
    }
}
