using System.Net;
using Driehoek.Web.Features.Bookings;

namespace Driehoek.Tests.Bookings;

public abstract class BookingTopicsTests(TestApp app)
{
    private const string TopicsForm = "form[action*='handler=Topics']";

    private Task<Booking> BookingAsync(Guid id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    [Fact]
    public async Task A_parent_changes_the_topics_of_a_booking_without_cancelling_and_the_teacher_reads_the_new_ones()
    {
        var f = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[1].Id, "Rekenen");
        var before = await BookingAsync(id);

        var saved = await parent.SubmitAsync($"/bookings/{id}", new() { ["Topics"] = "Lezen en de overstap", ["Areas"] = "SocialContacts" }, TopicsForm);

        Assert.Contains("De onderwerpen zijn opgeslagen", saved.Find("[role=status]")?.TextContent);
        var after = await BookingAsync(id);
        Assert.Equal(("Lezen en de overstap", TopicAreas.SocialContacts), (after.Topics, after.TopicAreas));
        Assert.Equal((before.StartsAt, before.Status, before.SlotId), (after.StartsAt, after.Status, after.SlotId));
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        var day = await teacher.GetAsync($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}");
        Assert.Contains("Lezen en de overstap", day.Main);
        Assert.DoesNotContain("Rekenen", day.Main);
    }

    [Fact]
    public async Task Another_family_cannot_change_the_topics_and_a_stale_form_is_refused()
    {
        var f = await app.RoundFamilyAsync();
        var other = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        using var stranger = await app.SignInAsync(other.Parent.Email!);
        var id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[1].Id, "Rekenen");
        var theirs = await stranger.BookAsync(other.Round.Id, other.Child.Id, other.Slots[0].Id);

        var forged = await stranger.PostAsync($"/bookings/{id}?handler=Topics", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await stranger.TokenAsync($"/bookings/{theirs}"),
            ["version"] = (await BookingAsync(id)).Version.ToString(), ["Topics"] = "Overgenomen",
        });
        var stale = await parent.SubmitAsync($"/bookings/{id}", new() { ["Topics"] = "Te laat", ["version"] = Guid.NewGuid().ToString() }, TopicsForm);

        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Contains("Deze afspraak is intussen gewijzigd. Bekijk de nieuwe gegevens en probeer het opnieuw.", stale.Errors);
        Assert.Equal("Rekenen", (await BookingAsync(id)).Topics);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookingTopicsTests_Sqlite(SqliteApp app) : BookingTopicsTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class BookingTopicsTests_Postgres(PostgresApp app) : BookingTopicsTests(app);
