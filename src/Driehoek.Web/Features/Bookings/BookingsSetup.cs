using Driehoek.Web.Features.Home;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

public sealed record BookRequest(Guid StudentId, Guid SlotId, string? Topics, TopicAreas Areas, string? InterpreterLanguage, MeetingMode Mode = MeetingMode.OnSite);

public sealed record MoveRequest(Guid SlotId, Guid? Version);

public sealed record BookingRefused(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<FreeSlot> Alternatives);

public static class BookingsSetup
{
    public static IServiceCollection AddBookings(this IServiceCollection services)
    {
        services.AddScoped<GetStudentConversations>();
        services.AddScoped<ChangeBookingTopics>();
        services.AddScoped<FreeSlots>();
        services.AddScoped<BookingNotices>();
        services.AddScoped<WaitingListNotices>();
        services.AddScoped<AddAvailability>();
        services.AddScoped<RemoveAvailability>();
        services.AddScoped<GetAvailability>();
        services.AddScoped<GetBookingOptions>();
        services.AddScoped<BookSlot>();
        services.AddScoped<BookSeveral>();
        services.AddScoped<CancelBooking>();
        services.AddScoped<MoveBooking>();
        services.AddScoped<MoveEvening>();
        services.AddScoped<BookForFamily>();
        services.AddScoped<JoinWaitingList>();
        services.AddScoped<GetBooking>();
        services.AddScoped<IAgendaSource, BookingAgenda>();
        return services;
    }

    public static void MapBookingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{roundId:guid}/booking-options", async (Guid roundId, GetBookingOptions handler, IStringLocalizer<BookingsText> text, CancellationToken ct) =>
            (await handler.HandleAsync(roundId, ct)).ToApi(text))
            .Serves(Resource.FamilyBooking)
            .WithSummary("What the signed-in household can book in a round: per child, teachers and free times.");
        api.MapPost("/rounds/{roundId:guid}/bookings", async (Guid roundId, BookRequest request, BookSlot handler, IStringLocalizer<BookingsText> text, CancellationToken ct) =>
            Answer(await handler.HandleAsync(new BookSlotCommand(roundId, request.StudentId, request.SlotId,
                new BookingDetails(request.Topics, request.Areas, request.InterpreterLanguage, request.Mode)), ct), text))
            .Serves(Resource.FamilyBooking)
            .WithSummary("Books a slot for a child; 409 with the nearest free alternatives when it was just taken.");
        api.MapPost("/bookings/{bookingId:guid}/move", async (Guid bookingId, MoveRequest request, MoveBooking handler, IStringLocalizer<BookingsText> text, CancellationToken ct) =>
            Answer(await handler.HandleAsync(new MoveBookingCommand(bookingId, request.SlotId, request.Version), ct), text))
            .Serves(Resource.Booking)
            .WithSummary("Moves a booking to another slot (the household before the deadline, staff with notice).");
        api.MapDelete("/bookings/{bookingId:guid}", async (Guid bookingId, CancelBooking handler, IStringLocalizer<BookingsText> text, CancellationToken ct) =>
            (await handler.HandleAsync(new CancelBookingCommand(bookingId, null), ct)).ToApi(text))
            .Serves(Resource.Booking)
            .WithSummary("Cancels a booking.");
        api.MapGet("/bookings/{bookingId:guid}", async (Guid bookingId, GetBooking handler, IStringLocalizer<BookingsText> text, CancellationToken ct) =>
            (await handler.HandleAsync(bookingId, ct)).ToApi(text))
            .Serves(Resource.Booking)
            .WithSummary("One booking.");
    }

    /// <summary>The booking's own calendar file, for the "add to calendar" button.</summary>
    public static void MapBookingCalendar(this IEndpointRouteBuilder app) =>
        app.MapGet("/bookings/{bookingId:guid}/calendar.ics", async (Guid bookingId, AppDbContext db, Access access, BookingNotices notices, TimeProvider clock, CancellationToken ct) =>
        {
            if (await BookingOwner.FindAsync(db, access, bookingId, ct, Act.View) is not var (booking, _))
            {
                return Results.NotFound();
            }
            var facts = await notices.FactsAsync(booking, ct);
            var ics = IcsWriter.Write("PUBLISH", clock.GetUtcNow().UtcDateTime,
                [BookingCalendar.Event(booking, facts.Student, facts.Teacher, facts.Place, facts.SchoolName, notices.Link(booking), booking.Status == BookingStatus.Cancelled)]);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "gesprek.ics");
        }).Serves(Resource.Booking).ExcludeFromDescription();

    private static Results<Created<Guid>, Ok<Guid>, NotFound, BadRequest<BookingRefused>, Conflict<BookingRefused>> Answer(BookingAttempt attempt, IStringLocalizer text)
    {
        var outcome = attempt.Outcome;
        if (outcome.Ok)
        {
            return TypedResults.Created($"/api/v1/bookings/{outcome.Value}", outcome.Value);
        }
        var refused = new BookingRefused(outcome.Errors.GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => text[e.Key, e.Args].Value).ToArray()), attempt.Alternatives);
        return outcome.Failure switch
        {
            Failure.NotFound => TypedResults.NotFound(),
            Failure.Conflict => TypedResults.Conflict(refused),
            _ => TypedResults.BadRequest(refused),
        };
    }
}
