using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Bookings;
using System.Net.Http.Json;
using Driehoek.Scheduling.Json;
using Driehoek.Web.Features.ParentEvenings;

namespace Driehoek.Tests.ParentEvenings;

public abstract class ParentEveningTests(TestApp app)
{
    [Fact]
    public async Task A_family_asks_with_topics_and_the_school_runs_reviews_and_publishes_the_evening()
    {
        var e = await Evening.CreateAsync(app, session: false);
        var noor = await e.School.StudentAsync(e.Group, firstName: "Noor");
        var sam = await e.School.StudentAsync(e.Group, firstName: "Sam");
        var parent = await e.School.GuardianAsync([noor, sam], language: "en");
        var neighbour = await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]);
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var plan = await leader.SubmitAsync($"/rounds/{e.Round.Id}/schedule",
            new() { ["Date"] = "2026-11-17", ["Start"] = "19:00", ["End"] = "21:00" }, "form[action*='handler=Session']");
        Assert.NotNull(plan.Find(".notice"));

        using (var family = await app.SignInAsync(parent.Email!))
        {
            var form = await family.GetAsync($"/rounds/{e.Round.Id}/request");
            var sent = await family.SubmitAsync(form, new()
            {
                ["SessionIds"] = (await e.SessionIdAsync(app)).ToString(),
                ["Children[0].Subjects"] = e.English.Id.ToString(), ["Children[0].Topics"] = "How is Noor doing in English?",
                ["Children[0].Areas"] = "Results", ["Children[1].Topics"] = "Sam's friends",
            }, "main form:not([action])");
            Assert.NotNull(sent.Find(".notice"));
            Assert.Equal(3, sent.FindAll("#asked-heading + ul li").Count());
        }
        await e.AskAsync(app, neighbour);

        var runId = await e.RunAsync(app, leader);
        var review = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{runId}");
        Assert.NotNull(review.Find("#metrics"));
        Assert.NotNull(review.Find("#unplaced .empty"));
        Assert.Equal(2, review.FindAll("#waiting tbody tr").Count());
        Assert.Equal(2, review.FindAll("#timelines li.teacher").Count());
        var shown = Assert.Single(review.FindAll("#timelines .teacher-timeline"));
        var other = review.Find("#timelines li.teacher a")!;
        var otherTimeline = await leader.GetAsync(other.GetAttribute("href")!.Split('#')[0]);
        Assert.Contains(other.TextContent, Assert.Single(otherTimeline.FindAll("#timelines .teacher-timeline")).TextContent);
        Assert.DoesNotContain(other.TextContent, shown.QuerySelector("h3")!.TextContent);
        var published = await e.PublishAsync(leader, runId);
        Assert.NotNull(published.Find(".notice"));

        var bookings = await e.BookingsAsync(app);
        Assert.Equal(4, bookings.Count);
        Assert.True((await Evening.CheckStoredAsync(app, runId)).IsFeasible);
        var household = bookings.Where(b => b.StudentId == noor.Id || b.StudentId == sam.Id).ToList();
        Assert.Equal(3, household.Count);
        Assert.All(household, a => Assert.All(household.Where(b => b != a), b => Assert.True(a.EndsAt <= b.StartsAt || b.EndsAt <= a.StartsAt)));
        Assert.Equal(TimeSpan.Zero, household[^1].StartsAt - household[0].StartsAt - TimeSpan.FromMinutes(20));
        Assert.Contains(household, b => b.StaffMemberId == e.English.Id && b.Topics == "How is Noor doing in English?");
        var mail = await Mailbox.WaitForAsync(app, parent.Email!, m => m.Subject.StartsWith("Booking confirmed", StringComparison.Ordinal));
        Assert.Contains("METHOD:REQUEST", mail.Parts.Single(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content);
        await Mailbox.WaitForAsync(app, neighbour.Email!, m => m.Parts.Any(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)));

        using var again = await app.SignInAsync(parent.Email!);
        var timetable = await again.GetAsync($"/rounds/{e.Round.Id}/timetable");
        Assert.Equal(3, timetable.FindAll(".timeline .meeting").Count());
        Assert.Equal(2, timetable.FindAll(".timeline .gap.next").Count());
    }

    [Fact]
    public async Task A_family_that_cannot_be_placed_hears_why_and_is_invited_to_contact_the_school()
    {
        var e = await Evening.CreateAsync(app, mentorSlots: 1);
        var first = await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]);
        var second = await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]);
        await e.AskAsync(app, first);
        await e.AskAsync(app, second);
        using var leader = await app.SignInAsync(e.Leader.Email!);

        var runId = await e.RunAsync(app, leader);
        var review = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{runId}");
        Assert.Single(review.FindAll("#unplaced tbody tr"));
        Assert.Contains("alle tijden van de leerkracht waren al vol", review.Find("#unplaced")!.TextContent);
        await e.PublishAsync(leader, runId);

        var unlucky = (await e.BookingsAsync(app)).Single().HouseholdId == await HouseholdOfAsync(first) ? second : first;
        var mail = await Mailbox.WaitForAsync(app, unlucky.Email!, m => m.Subject.StartsWith("Niet alle gesprekken", StringComparison.Ordinal));
        Assert.Contains("alle tijden van de leerkracht waren al vol", mail.Body);
        Assert.Contains("Neem contact op", mail.Body);
        using var family = await app.SignInAsync(unlucky.Email!);
        Assert.Contains("Niet ingepland", (await family.GetAsync($"/rounds/{e.Round.Id}/timetable")).Main);
    }

    /// <summary>
    /// Publishing a large evening confirms every booking and tells every family left out: the names, places and
    /// recipients are read once for all of them, so the commands do not grow with the number of families.
    /// </summary>
    [Fact]
    public async Task Publishing_costs_as_many_database_commands_for_eight_families_as_for_two()
    {
        var two = await PublishCountingAsync(families: 2, mentorSlots: 1);
        var eight = await PublishCountingAsync(families: 8, mentorSlots: 6);

        Assert.True(eight.Commands <= two.Commands, $"{two.Commands} database commands for two families, {eight.Commands} for eight:\n{eight.Texts}");
        Assert.Equal((1, 6), (two.Booked, eight.Booked));
    }

    private async Task<(int Commands, string Texts, int Booked)> PublishCountingAsync(int families, int mentorSlots)
    {
        var e = await Evening.CreateAsync(app, mentorSlots: mentorSlots);
        var parents = new List<Person>();
        for (var i = 0; i < families; i++)
        {
            parents.Add(await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]));
            await e.AskAsync(app, parents[^1]);
        }
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var runId = await e.RunAsync(app, leader);
        var review = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{runId}");
        var tag = CommandCounts.NewTag();
        _ = CommandCounts.Instance;

        var published = await leader.SubmitAsync(review, new() { ["sure"] = "true" }, "form[action*='handler=Publish']",
            headers: new Dictionary<string, string> { [CommandCounts.Header] = tag });

        Assert.NotNull(published.Find(".notice"));
        var booked = (await e.BookingsAsync(app)).Count;
        foreach (var parent in parents)
        {
            await Mailbox.WaitForAsync(app, parent.Email!, m => m.Subject.StartsWith("Niet alle gesprekken", StringComparison.Ordinal)
                || m.Parts.Any(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)));
        }
        return (CommandCounts.Instance.Of(tag), CommandCounts.Instance.Texts(tag), booked);
    }

    [Fact]
    public async Task A_move_that_breaks_a_rule_is_refused_and_a_valid_move_is_saved()
    {
        var e = await Evening.CreateAsync(app);
        await e.AskAsync(app, await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]));
        await e.AskAsync(app, await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]));
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var runId = await e.RunAsync(app, leader);
        var before = await SolutionAsync(runId);
        var (moving, other) = (before.Assignments[0], before.Assignments[1]);

        var form = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{runId}?move={moving.Request}");
        var refused = await leader.SubmitAsync(form, new() { ["start"] = other.Start.ToString() }, "form[action*='handler=Move']");

        Assert.Contains(refused.Errors, m => m.Contains("heeft dan al een ander gesprek", StringComparison.Ordinal));
        Assert.Equal(before, await SolutionAsync(runId), SolutionComparer.Instance);
        var free = Enumerable.Range(0, 12).First(k => before.Assignments.All(a => a.Start != k));
        var moved = await leader.SubmitAsync(form, new() { ["start"] = free.ToString() }, "form[action*='handler=Move']");
        Assert.NotNull(moved.Find(".notice"));
        var after = await SolutionAsync(runId);
        Assert.Equal(free, after.Assignments.Single(a => a.Request == moving.Request).Start);
        Assert.True((await Evening.CheckStoredAsync(app, runId)).IsFeasible);
        Assert.Equal(1, await app.WithDbAsync(db => db.ScheduleRuns.Where(r => r.Id == runId).Select(r => r.Moves).SingleAsync()));
        var stale = await leader.SubmitAsync(form, new() { ["start"] = other.Start.ToString() }, "form[action*='handler=Move']");
        Assert.Contains(stale.Errors, m => m.Contains("door iemand anders gewijzigd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_late_request_is_placed_without_moving_any_published_meeting()
    {
        var e = await Evening.CreateAsync(app);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await e.AskAsync(app, await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]), english: true);
        }
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var runId = await e.RunAsync(app, leader);
        await e.PublishAsync(leader, runId);
        var published = (await e.BookingsAsync(app)).Select(b => (b.Id, b.StaffMemberId, b.StartsAt, b.Sequence)).ToList();
        var late = await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]);

        using var family = await app.SignInAsync(late.Email!);
        var form = await family.GetAsync($"/rounds/{e.Round.Id}/request");
        var placed = await family.SubmitAsync(form, new()
        {
            ["SessionIds"] = (await e.SessionIdAsync(app)).ToString(), ["LateTopics"] = "Nieuw op school",
        }, "form[action*='handler=Late']");

        Assert.True(placed.Find(".notice") is not null, placed.Url + " " + placed.Status + string.Join(" | ", placed.Errors) + placed.Main);
        Assert.Contains("ingepland", placed.Find(".notice")!.TextContent);
        var now = await e.BookingsAsync(app);
        Assert.Equal(published.Count + 1, now.Count);
        Assert.All(published, p => Assert.Contains(now, b => (b.Id, b.StaffMemberId, b.StartsAt, b.Sequence) == p));
        var added = now.Single(b => published.All(p => p.Id != b.Id));
        Assert.Equal("Nieuw op school", added.Topics);
        Assert.All(now.Where(b => b != added && b.StaffMemberId == added.StaffMemberId), b => Assert.True(b.EndsAt <= added.StartsAt || added.EndsAt <= b.StartsAt));
        Assert.True((await Evening.CheckStoredAsync(app, runId)).IsFeasible);
        await Mailbox.WaitForAsync(app, late.Email!, m => m.Parts.Any(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task After_publishing_the_family_can_cancel_but_only_the_school_moves_a_meeting()
    {
        var e = await Evening.CreateAsync(app);
        var parent = await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]);
        await e.AskAsync(app, parent);
        using var leader = await app.SignInAsync(e.Leader.Email!);
        await e.PublishAsync(leader, await e.RunAsync(app, leader));
        var booking = Assert.Single(await e.BookingsAsync(app));
        var freeSlot = await app.WithDbAsync(db => db.Slots
            .Where(s => s.RoundId == e.Round.Id && s.StaffMemberId == booking.StaffMemberId && !db.Bookings.Any(b => b.ActiveSlotId == s.Id))
            .OrderByDescending(s => s.StartsAt).Select(s => s.Id).FirstAsync());

        using var family = await app.SignInAsync(parent.Email!);
        var detail = await family.GetAsync($"/bookings/{booking.Id}");
        Assert.Null(detail.Find("form[action*='handler=Move']"));
        Assert.NotNull(detail.Find("form[action*='handler=Cancel']"));
        var byFamily = await family.Http.PostAsJsonAsync($"/api/v1/bookings/{booking.Id}/move", new MoveRequest(freeSlot, null));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, byFamily.StatusCode);

        var bySchool = await leader.Http.PostAsJsonAsync($"/api/v1/bookings/{booking.Id}/move", new MoveRequest(freeSlot, null));
        Assert.Equal(System.Net.HttpStatusCode.Created, bySchool.StatusCode);
        Assert.Equal(freeSlot, (await e.BookingsAsync(app)).Single().ActiveSlotId);
    }

    [Fact]
    public async Task A_round_with_bookings_keeps_its_way_of_scheduling()
    {
        var e = await Evening.CreateAsync(app);
        await e.AskAsync(app, await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]));
        using var leader = await app.SignInAsync(e.Leader.Email!);
        await e.PublishAsync(leader, await e.RunAsync(app, leader));

        var form = await leader.GetAsync($"/school/{e.School.Id}/rounds/edit/{e.Round.Id}");
        var saved = await leader.SubmitAsync(form, new() { ["Mode"] = "SelfBooking" });

        Assert.Contains(saved.Errors, m => m.Contains("inplannen", StringComparison.Ordinal));
        Assert.Equal(RoundMode.Requests, await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == e.Round.Id).Select(r => r.Mode).SingleAsync()));
    }

    private Task<Guid> HouseholdOfAsync(Person guardian) =>
        app.WithDbAsync(db => db.Guardians.Where(g => g.Id == guardian.Id).Select(g => g.HouseholdId!.Value).SingleAsync());

    private Task<Driehoek.Scheduling.Model.Solution> SolutionAsync(Guid runId) =>
        app.WithDbAsync(async db => SolutionJson.Parse((await db.ScheduleRuns.SingleAsync(r => r.Id == runId)).Solution!));

    private sealed class SolutionComparer : IEqualityComparer<Driehoek.Scheduling.Model.Solution>
    {
        public static readonly SolutionComparer Instance = new();

        public bool Equals(Driehoek.Scheduling.Model.Solution? x, Driehoek.Scheduling.Model.Solution? y) =>
            x is not null && y is not null && x.Assignments.SequenceEqual(y.Assignments) && x.Unplaced.SequenceEqual(y.Unplaced);

        public int GetHashCode(Driehoek.Scheduling.Model.Solution obj) => obj.Assignments.Count;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ParentEveningTests_Sqlite(SqliteApp app) : ParentEveningTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class ParentEveningTests_Postgres(PostgresApp app) : ParentEveningTests(app);
