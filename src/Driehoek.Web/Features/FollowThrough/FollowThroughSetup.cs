using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Home;
using Driehoek.Web.Features.Rounds;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.FollowThrough;

public sealed record OutcomeRequest(BookingStatus Outcome, bool? StudentPresent, Guid? Version);

public static class FollowThroughSetup
{
    public static IServiceCollection AddFollowThrough(this IServiceCollection services)
    {
        services.AddScoped<RecordOutcome>();
        services.AddScoped<GetRoundOverview>();
        services.AddScoped<ExportRoundOverview>();
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
        api.MapGet("/rounds/{roundId:guid}/overview", async (Guid roundId, Guid? group, string? search, int? page, int? pageSize,
                GetRoundOverview handler, IStringLocalizer<FollowThroughText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new OverviewQuery(roundId,
                new StudentListFilter(group, search, page ?? 1, pageSize ?? StudentListFilter.DefaultPageSize)), ct)).ToApi(text))
            .Serves(Resource.RoundOverview)
            .WithSummary("One group of a round at a time: who booked, who came, who was not reached (school staff; teachers see their own groups). "
                         + "?group= picks a group (default: your own group, or the only one; another school's or group's is 404); ?search= finds "
                         + "students by name in that group or in all your groups; ?page= (from 1) and ?pageSize= (default 50, at most 200) page "
                         + "the students. list.groups has every group you may pick with its size, list.total the students matching, counts the "
                         + "whole chosen group's.");
        api.MapGet("/rounds/{roundId:guid}/day", async (Guid roundId, DateOnly? date, Guid? staff, GetDayList handler, IStringLocalizer<FollowThroughText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new DayListQuery(roundId, date, staff), ct)).ToApi(text))
            .Serves(Resource.DayList)
            .WithSummary("A teacher's conversations of one day with topics and preparation (the teacher, or a school leader). Audit-logged.");
    }
}
