using System.Net;
using System.Net.Http.Json;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Rounds;

/// <summary>A school leader calls off a whole round (illness, a strike): every booking goes and every household hears it.</summary>
public abstract class CancelRoundTests(TestApp app)
{
    private sealed record BookedRound(SchoolBuilder School, ConversationRound Round, Person Leader, Person Teacher, List<Person> Parents);

    /// <summary>A group with a teacher and a leader, a published round with eight times, and <paramref name="families"/> families that each booked one.</summary>
    private async Task<BookedRound> BookedAsync(int families)
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var round = await school.OpenRoundAsync([group]);
        var slots = await school.SlotsAsync(round, teacher, 8);
        var parents = new List<Person>();
        for (var i = 0; i < families; i++)
        {
            var child = await school.StudentAsync(group);
            var parent = await school.GuardianAsync([child]);
            using var client = await app.SignInAsync(parent.Email!);
            var booked = await client.Http.PostAsJsonAsync($"/api/v1/rounds/{round.Id}/bookings",
                new BookRequest(child.Id, slots[i].Id, null, TopicAreas.Wellbeing, null));
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            parents.Add(parent);
        }
        return new BookedRound(school, round, leader, teacher, parents);
    }

    private Task<int> BookedCountAsync(ConversationRound round) =>
        app.WithDbAsync(db => db.Bookings.CountAsync(b => b.RoundId == round.Id && b.Status == BookingStatus.Booked && b.ActiveSlotId != null));

    private static Task<Page> CancelAsync(AppClient client, Page page, bool sure, string? tag = null) =>
        client.SubmitAsync(page, sure ? new() { ["sure"] = "true" } : new() { ["sure"] = "false" }, "form[action*='handler=Cancel']",
            headers: tag is null ? null : new Dictionary<string, string> { [CommandCounts.Header] = tag });

    [Fact]
    public async Task A_leader_calls_off_a_round_after_confirming_and_every_household_is_told()
    {
        var r = await BookedAsync(families: 3);
        using var leader = await app.SignInAsync(r.Leader.Email!);
        var page = await leader.GetAsync($"/rounds/{r.Round.Id}");

        var unsure = await CancelAsync(leader, page, sure: false);
        Assert.NotEmpty(unsure.Errors);
        Assert.Equal(3, await BookedCountAsync(r.Round));

        var done = await CancelAsync(leader, page, sure: true);

        Assert.NotNull(done.Find(".notice"));
        Assert.Null(done.Find("#cancel-heading"));
        Assert.Equal(0, await BookedCountAsync(r.Round));
        Assert.Equal(RoundStatus.Cancelled, await app.WithDbAsync(db => db.Rounds.Where(x => x.Id == r.Round.Id).Select(x => x.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.TimeClaims.CountAsync(c => db.Bookings.Any(b => b.Id == c.BookingId && b.RoundId == r.Round.Id))));
        foreach (var parent in r.Parents)
        {
            var mail = await Mailbox.WaitForAsync(app, parent.Email!, m => m.Subject.StartsWith("De school heeft het gesprek", StringComparison.Ordinal));
            Assert.Contains("METHOD:CANCEL", mail.Parts.Single(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content);
        }
    }

    /// <summary>Calling off a round of a large school is one request: the names and recipients are read once for all bookings.</summary>
    [Fact]
    public async Task Calling_off_a_round_costs_as_many_database_commands_for_six_bookings_as_for_two()
    {
        async Task<(int Commands, string Texts)> CountAsync(int families)
        {
            var r = await BookedAsync(families);
            using var leader = await app.SignInAsync(r.Leader.Email!);
            var page = await leader.GetAsync($"/rounds/{r.Round.Id}");
            var tag = CommandCounts.NewTag();
            _ = CommandCounts.Instance;
            Assert.NotNull((await CancelAsync(leader, page, sure: true, tag)).Find(".notice"));
            Assert.Equal(0, await BookedCountAsync(r.Round));
            return (CommandCounts.Instance.Of(tag), CommandCounts.Instance.Texts(tag));
        }

        var two = await CountAsync(2);
        var six = await CountAsync(6);

        Assert.True(six.Commands <= two.Commands, $"{two.Commands} database commands for two bookings, {six.Commands} for six:\n{six.Texts}");
    }

    [Fact]
    public async Task A_teacher_of_the_group_and_a_leader_of_another_school_cannot_call_off_the_round()
    {
        var r = await BookedAsync(families: 2);
        var other = await app.World.SchoolAsync();
        var otherLeader = await other.StaffAsync(StaffRole.SchoolLeader);

        foreach (var person in new[] { r.Teacher, otherLeader })
        {
            using var client = await app.SignInAsync(person.Email!);
            var own = await client.GetAsync($"/rounds/{r.Round.Id}");
            Assert.Null(own.Find("form[action*='handler=Cancel']"));
            // A valid antiforgery token of this person (from the sign-out form on their account page): the handler itself must refuse.
            var ownToken = (await client.GetAsync("/account")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var tried = await client.PostAsync($"/rounds/{r.Round.Id}?handler=Cancel",
                [new("version", r.Round.Version.ToString()), new("sure", "true"), new("__RequestVerificationToken", ownToken)], follow: false);
            Assert.Contains(tried.Status, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        }
        Assert.Equal(2, await BookedCountAsync(r.Round));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CancelRoundTests_Sqlite(SqliteApp app) : CancelRoundTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CancelRoundTests_Postgres(PostgresApp app) : CancelRoundTests(app);
