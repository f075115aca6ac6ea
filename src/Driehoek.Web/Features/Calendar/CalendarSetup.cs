using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Calendar;

public sealed record CalendarFeedRequest(bool Replace);

public sealed record CalendarFeedAddress(string Address);

public static class CalendarSetup
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CreateCalendarFeed>();
        services.AddScoped<GetCalendarFeed>();
        services.AddScoped<FeedCalendar>();
        return services;
    }

    public static void MapCalendarApi(this RouteGroupBuilder api) =>
        api.MapPost("/account/calendar-feed", async (CalendarFeedRequest request, CreateCalendarFeed handler, HttpContext http, IConfiguration config,
                IStringLocalizer<CalendarText> text, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                var result = await handler.HandleAsync(new CreateCalendarFeedCommand(request.Replace), ct);
                return (result.Ok
                    ? Result<CalendarFeedAddress>.Success(new CalendarFeedAddress(FeedTokens.Address(http.Request, config, result.Value!)))
                    : result.Failure == Failure.NotFound ? Result<CalendarFeedAddress>.NotFound() : Result<CalendarFeedAddress>.Conflict(result.Errors.ToArray()))
                    .ToApi(text);
            })
            .Serves(Resource.Account)
            .WithSummary("Makes the signed-in user's secret calendar-feed address (replace: true makes a new one; the old stops working). Shown once.");

    /// <summary>
    /// The feed itself: anonymous, because calendar apps cannot sign in; the secret address is the key.
    /// An unknown token is a plain 404.
    /// </summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", async (string token, FeedCalendar feed, HttpContext http, CancellationToken ct) =>
        {
            if (await feed.HandleAsync(token, ct) is not { } ics)
            {
                return Results.NotFound();
            }
            // Calendar apps poll; nothing in between should keep a copy of a family's appointments.
            http.Response.Headers.CacheControl = "no-store, private";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous().Serves(Resource.Public).ExcludeFromDescription();
}
