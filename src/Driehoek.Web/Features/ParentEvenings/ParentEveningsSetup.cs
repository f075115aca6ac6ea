using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Driehoek.Web.Features.ParentEvenings;

public sealed record RequestsBody(IReadOnlyList<ChildRequestInput> Children, IReadOnlyList<Guid> SessionIds, string? DoubleLength,
    string? InterpreterLanguage, Bookings.MeetingMode Mode = Bookings.MeetingMode.OnSite);

public sealed record StartRunBody(int? MaxConsecutive);

public static class ParentEveningsSetup
{
    public static IServiceCollection AddParentEvenings(this IServiceCollection services)
    {
        // The run review keeps a finished run, read from its JSON, per version (GetRun).
        services.AddMemoryCache();
        services.AddOptions<ScheduleOptions>().BindConfiguration("ParentEvenings");
        // CPU-heavy: a few at a time per instance (ParentEvenings:MaxConcurrentRuns); more wait or go to another instance.
        services.AddJob<ScheduleRunJob>(ScheduleRunJob.Kind, kind => kind.MaxConcurrent =
            config => Math.Max(1, config.GetValue("ParentEvenings:MaxConcurrentRuns", 1)));
        services.AddScoped<EveningMessages>();
        services.AddScoped<InstanceBuilder>();
        services.AddScoped<EveningNotices>();
        services.AddScoped<SchedulePublisher>();
        services.AddScoped<LateScheduler>();
        services.AddScoped<GetRequestForm>();
        services.AddScoped<SaveRequests>();
        services.AddScoped<AddLateRequest>();
        services.AddScoped<GetTimetable>();
        services.AddScoped<AddSession>();
        services.AddScoped<RemoveSession>();
        services.AddScoped<GetSchedulePlan>();
        services.AddScoped<StartRun>();
        services.AddScoped<CancelRun>();
        services.AddScoped<GetRun>();
        services.AddScoped<MoveMeeting>();
        services.AddScoped<PublishSchedule>();
        services.AddScoped<Home.IAgendaSource, EveningAgenda>();
        return services;
    }

    public static void MapParentEveningsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{roundId:guid}/requests", async (Guid roundId, GetRequestForm handler, EveningMessages text, CancellationToken ct) =>
            (await handler.HandleAsync(roundId, ct)).ToApi(text))
            .Serves(Resource.EveningRequests)
            .WithSummary("What the signed-in household asked for in a round in request mode, and what it can ask for.");
        api.MapPut("/rounds/{roundId:guid}/requests", async (Guid roundId, [FromBody] RequestsBody body, SaveRequests handler, EveningMessages text, CancellationToken ct) =>
            (await handler.HandleAsync(new SaveRequestsCommand(roundId, body.Children, body.SessionIds, body.DoubleLength, body.InterpreterLanguage,
                body.Mode, null), ct)).ToApi(text))
            .Serves(Resource.EveningRequests)
            .WithSummary("Replaces the household's requests (an empty list withdraws them) until the window closes or the evening is published.");
        api.MapPost("/rounds/{roundId:guid}/requests/late", async (Guid roundId, [FromBody] LateRequestCommand body, AddLateRequest handler, EveningMessages text, CancellationToken ct) =>
            (await handler.HandleAsync(body with { RoundId = roundId }, ct)).ToApi(text))
            .Serves(Resource.EveningRequests)
            .WithSummary("One more conversation after publication: placed at once without moving any published meeting.");
        api.MapGet("/rounds/{roundId:guid}/timetable", async (Guid roundId, GetTimetable handler, EveningMessages text, CancellationToken ct) =>
            (await handler.HandleAsync(roundId, ct)).ToApi(text))
            .Serves(Resource.Timetable)
            .WithSummary("The household's published conversations in a round, in time order, and what could not be scheduled.");
        api.MapPost("/rounds/{roundId:guid}/schedule-runs", async (Guid roundId, [FromBody] StartRunBody body, StartRun handler, EveningMessages text, CancellationToken ct) =>
            (await handler.HandleAsync(new StartRunCommand(roundId, body.MaxConsecutive), ct)).ToApi(text))
            .Serves(Resource.Schedule)
            .WithSummary("Starts the scheduler for a round (school leaders); 400 names every problem in the requests or availability.");
        api.MapGet("/schedule-runs/{runId:guid}", async (Guid runId, GetRun handler, EveningMessages text, CancellationToken ct) =>
            (await handler.HandleAsync(runId, null, ct)).ToApi(text))
            .Serves(Resource.Schedule)
            .WithSummary("A scheduler run: status, progress, metrics, unplaced requests with reasons, waiting and teacher timelines.");
    }
}
