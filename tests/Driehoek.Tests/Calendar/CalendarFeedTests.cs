using System.Net;
using System.Net.Http.Json;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Calendar;

namespace Driehoek.Tests.Calendar;

public abstract class CalendarFeedTests(TestApp app)
{
    /// <summary>Makes a feed address on /account/calendar, as a parent or teacher would, and returns its path.</summary>
    private static async Task<string> SubscribeAsync(AppClient client)
    {
        var page = await client.SubmitAsync("/account/calendar", [], "form[action*='handler=Create']");
        var address = page.Find("#feed-address")?.GetAttribute("value") ?? throw new InvalidOperationException("No feed address shown");
        Assert.StartsWith("webcal://", page.Find("a[href^='webcal:']")!.GetAttribute("href"));
        return new Uri(address).PathAndQuery;
    }

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> FeedAsync(string path)
    {
        using var anonymous = app.Client();
        var response = await anonymous.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private Task<Guid> UidAsync(Guid bookingId) =>
        app.WithDbAsync(db => db.Bookings.Where(b => b.Id == bookingId).Select(b => b.CalendarUid).SingleAsync());

    private static string Event(string ics, Guid uid)
    {
        var at = ics.IndexOf($"UID:{uid:N}@driehoek", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No event {uid:N} in the feed");
        var start = ics.LastIndexOf("BEGIN:VEVENT", at, StringComparison.Ordinal);
        return ics[start..ics.IndexOf("END:VEVENT", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_households_feed_follows_its_booking_through_a_move_and_a_cancellation()
    {
        var f = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        var uid = await UidAsync(id);

        var path = await SubscribeAsync(parent);
        var (status, ics, response) = await FeedAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Contains("METHOD:PUBLISH", ics);
        Assert.Contains("X-WR-CALNAME:Gesprekken met school", ics);
        Assert.Contains("SEQUENCE:0", Event(ics, uid));
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261117T190000", Event(ics, uid));
        Assert.Contains("STATUS:CONFIRMED", Event(ics, uid));

        var moved = await parent.Http.PostAsJsonAsync($"/api/v1/bookings/{id}/move", new MoveRequest(f.Slots[3].Id, null));
        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        var afterMove = Event((await FeedAsync(path)).Body, uid);
        Assert.Contains("SEQUENCE:1", afterMove);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261117T193000", afterMove);

        Assert.Equal(HttpStatusCode.OK, (await parent.Http.DeleteAsync($"/api/v1/bookings/{id}")).StatusCode);
        var afterCancel = Event((await FeedAsync(path)).Body, uid);
        Assert.Contains("SEQUENCE:2", afterCancel);
        Assert.Contains("STATUS:CANCELLED", afterCancel);
    }

    [Fact]
    public async Task Another_household_of_the_same_child_or_another_family_does_not_see_the_booking()
    {
        var f = await app.RoundFamilyAsync();
        var father = await f.School.GuardianAsync([f.Child]);
        var other = await app.RoundFamilyAsync();
        using var mother = await app.SignInAsync(f.Parent.Email!);
        using var dad = await app.SignInAsync(father.Email!);
        using var stranger = await app.SignInAsync(other.Parent.Email!);
        var hers = await UidAsync(await mother.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id));
        var his = await UidAsync(await dad.BookAsync(f.Round.Id, f.Child.Id, f.Slots[2].Id));

        var dadsFeed = (await FeedAsync(await SubscribeAsync(dad))).Body;
        var strangersFeed = (await FeedAsync(await SubscribeAsync(stranger))).Body;

        Assert.Contains($"UID:{his:N}", dadsFeed);
        Assert.DoesNotContain($"UID:{hers:N}", dadsFeed);
        Assert.DoesNotContain("BEGIN:VEVENT", strangersFeed);
        Assert.Contains("END:VCALENDAR", strangersFeed);
    }

    [Fact]
    public async Task A_teachers_feed_holds_their_own_conversations_and_not_a_colleagues()
    {
        var f = await app.RoundFamilyAsync();
        var colleague = await f.School.StaffAsync(Driehoek.Web.Features.People.StaffRole.GroupTeacher, await f.School.GroupAsync());
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var uid = await UidAsync(await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[1].Id));
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        using var other = await app.SignInAsync(colleague.Email!);

        var own = (await FeedAsync(await SubscribeAsync(teacher))).Body;
        var theirs = (await FeedAsync(await SubscribeAsync(other))).Body;

        Assert.Contains($"UID:{uid:N}", own);
        Assert.Contains($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}", own.Replace("\r\n ", "", StringComparison.Ordinal));
        Assert.DoesNotContain($"UID:{uid:N}", theirs);
    }

    [Fact]
    public async Task A_replaced_address_stops_working_and_an_unknown_one_is_not_found()
    {
        var f = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var first = await SubscribeAsync(parent);

        var unconfirmed = await parent.SubmitAsync("/account/calendar", [], "form[action*='handler=Replace']");
        Assert.NotEmpty(unconfirmed.Errors);
        Assert.Null(unconfirmed.Find("#feed-address"));
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(first)).Status);

        var replaced = await parent.SubmitAsync("/account/calendar", new() { ["sure"] = "true" }, "form[action*='handler=Replace']");
        var second = new Uri(replaced.Find("#feed-address")!.GetAttribute("value")!).PathAndQuery;

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync(first)).Status);
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(second)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync($"/calendar/{Driehoek.Web.Infrastructure.Auth.SecretTokens.Create()}.ics")).Status);
        var page = await parent.GetAsync("/account/calendar");
        Assert.Null(page.Find("#feed-address"));
        Assert.NotNull(page.Find("form[action*='handler=Replace']"));
        Assert.Equal(1, await app.WithDbAsync(db => db.CalendarFeeds.CountAsync(x => x.UserId == f.Parent.UserId)));
    }

    [Fact]
    public async Task The_account_page_links_to_the_calendar_and_the_api_makes_an_address_once()
    {
        var f = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);

        var account = await parent.GetAsync("/account");
        var created = await parent.Http.PostAsJsonAsync("/api/v1/account/calendar-feed", new CalendarFeedRequest(false));
        var again = await parent.Http.PostAsJsonAsync("/api/v1/account/calendar-feed", new CalendarFeedRequest(false));

        Assert.NotNull(account.Find("a[href='/account/calendar']"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var address = (await created.Content.ReadFromJsonAsync<CalendarFeedAddress>())!.Address;
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(new Uri(address).PathAndQuery)).Status);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CalendarFeedTests_Sqlite(SqliteApp app) : CalendarFeedTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class CalendarFeedTests_Postgres(PostgresApp app) : CalendarFeedTests(app);
