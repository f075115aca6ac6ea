using System.Net;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Rounds;

/// <summary>
/// Need to know: the care coordinator reads families' preparation answers and booking topics only where the
/// school allows it (off by default), only reads them, and every read is in the audit log.
/// </summary>
public abstract class CareCoordinatorReadingTests(TestApp app)
{
    private sealed record World(InvitationScenario S, Guid Booking, Person Coordinator);

    private async Task<World> PreparedAndBookedAsync()
    {
        var s = await InvitationScenario.CreateAsync(app);
        var slots = await s.School.SlotsAsync(s.Round, s.Teacher, 2);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        await parent.SubmitAsync(s.Prepare, new() { ["Answers"] = "Zorgen over de pauze" });
        var booking = await parent.BookAsync(s.Round.Id, s.Child.Id, slots[0].Id, "Pesten op het plein");
        return new World(s, booking, await s.School.StaffAsync(StaffRole.CareCoordinator));
    }

    [Fact]
    public async Task Care_coordinator_gets_not_found_for_preparations_and_booking_topics_by_default()
    {
        var w = await PreparedAndBookedAsync();
        using var coordinator = await app.SignInAsync(w.Coordinator.Email!);

        Assert.Equal(HttpStatusCode.NotFound, await coordinator.StatusAsync(w.S.StaffPrepare));
        Assert.Equal(HttpStatusCode.NotFound, await coordinator.StatusAsync($"/rounds/{w.S.Round.Id}/preparations"));
        Assert.Equal(HttpStatusCode.NotFound, await coordinator.StatusAsync($"/bookings/{w.Booking}"));
        Assert.Equal(HttpStatusCode.NotFound, await coordinator.StatusAsync($"/api/v1/bookings/{w.Booking}"));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserId == w.Coordinator.UserId)));
    }

    [Fact]
    public async Task Where_the_school_allows_it_the_care_coordinator_reads_them_without_changing_anything_and_each_read_is_logged()
    {
        var w = await PreparedAndBookedAsync();
        using (var leader = await app.SignInAsync(w.S.Leader.Email!))
        {
            var form = await leader.GetAsync($"/school/{w.S.School.Id}/settings");
            await leader.SubmitAsync(form, new() { ["careCoordinatorReadsPreparations"] = "true" });
        }
        using var coordinator = await app.SignInAsync(w.Coordinator.Email!);

        var preparation = await coordinator.GetAsync(w.S.StaffPrepare);
        var list = await coordinator.GetAsync($"/rounds/{w.S.Round.Id}/preparations");
        var booking = await coordinator.GetAsync($"/bookings/{w.Booking}");
        var (_, json) = await coordinator.GetJsonAsync<System.Text.Json.JsonElement>($"/api/v1/bookings/{w.Booking}");
        using var cancel = await coordinator.Http.DeleteAsync($"/api/v1/bookings/{w.Booking}");

        Assert.Contains("Zorgen over de pauze", preparation.Find("#parents-heading")!.ParentElement!.TextContent);
        Assert.Null(preparation.Find("main form textarea"));
        Assert.Contains("Noor", list.Find("tbody")!.TextContent);
        Assert.Contains("Pesten op het plein", booking.Main);
        Assert.Null(booking.Find("form[action*='handler=Cancel']"));
        Assert.Equal(((int)Actor.Reader, "Pesten op het plein"), (json.GetProperty("actor").GetInt32(), json.GetProperty("topics").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(BookingStatus.Booked, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == w.Booking).Select(b => b.Status).SingleAsync()));
        var reads = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == w.Coordinator.UserId && a.Action == "read")
            .Select(a => a.Subject).ToListAsync());
        Assert.Contains("preparation", reads);
        Assert.Equal(2, reads.Count(r => r == "booking-topics"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "school-settings.saved" && a.UserId == w.S.Leader.UserId)));
    }

    [Fact]
    public async Task A_care_coordinator_of_another_school_still_gets_not_found()
    {
        var w = await PreparedAndBookedAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Schools.SingleAsync(s => s.Id == w.S.School.Id)).CareCoordinatorReadsPreparations = true;
            await db.SaveChangesAsync();
        });
        var other = await app.World.SchoolAsync();
        var stranger = await other.StaffAsync(StaffRole.CareCoordinator);
        using var client = await app.SignInAsync(stranger.Email!);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(w.S.StaffPrepare));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/bookings/{w.Booking}"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CareCoordinatorReadingTests_Sqlite(SqliteApp app) : CareCoordinatorReadingTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class CareCoordinatorReadingTests_Postgres(PostgresApp app) : CareCoordinatorReadingTests(app);
