using System.Net;
using System.Net.Http.Json;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Model;
using Driehoek.Web.Features.ParentEvenings;

namespace Driehoek.Tests.ParentEvenings;

public abstract class ParentEveningChangeTests(TestApp app)
{
    [Fact]
    public async Task A_household_changes_its_request_to_double_length_and_gets_one_long_booking()
    {
        var e = await Evening.CreateAsync(app);
        var child = await e.School.StudentAsync(e.Group);
        var mother = await e.School.GuardianAsync([child]);
        var household = await app.WithDbAsync(db => db.Guardians.Where(g => g.Id == mother.Id).Select(g => g.HouseholdId!.Value).SingleAsync());
        var father = await e.School.GuardianAsync([child], householdId: household);
        await e.AskAsync(app, mother);
        using var her = await app.SignInAsync(mother.Email!);
        using var him = await app.SignInAsync(father.Email!);
        var hisForm = await him.GetAsync($"/rounds/{e.Round.Id}/request");
        var herForm = await her.GetAsync($"/rounds/{e.Round.Id}/request");

        var changed = await her.SubmitAsync(herForm, new() { ["DoubleLength"] = $"{child.Id:N}:main" }, "main form:not([action])");
        var stale = await him.SubmitAsync(hisForm, new() { ["Children[0].Topics"] = "Iets anders" }, "main form:not([action])");

        Assert.NotNull(changed.Find(".notice"));
        Assert.Contains(stale.Errors, m => m.Contains("intussen gewijzigd", StringComparison.Ordinal));
        var request = await app.WithDbAsync(db => db.ConversationRequests.SingleAsync(r => r.RoundId == e.Round.Id));
        Assert.True(request.DoubleLength);
        Assert.Null(request.Topics);
        using var leader = await app.SignInAsync(e.Leader.Email!);
        await e.PublishAsync(leader, await e.RunAsync(app, leader));
        var booking = Assert.Single(await e.BookingsAsync(app));
        Assert.Equal(TimeSpan.FromMinutes(20), booking.EndsAt - booking.StartsAt);
        Assert.Equal(4, await app.WithDbAsync(db => db.TimeClaims.CountAsync(c => c.BookingId == booking.Id)));

        var late = await her.SubmitAsync($"/rounds/{e.Round.Id}/request", [], "form[action*='handler=Late']");
        Assert.Contains("ingepland", late.Find(".notice")!.TextContent);
        Assert.Contains("alle gesprekken al aangevraagd", late.Main);
        var english = (await e.BookingsAsync(app)).Single(b => b.StaffMemberId == e.English.Id);
        Assert.Equal(HttpStatusCode.OK, (await her.Http.DeleteAsync($"/api/v1/bookings/{english.Id}")).StatusCode);
        var again = await her.SubmitAsync($"/rounds/{e.Round.Id}/request", [], "form[action*='handler=Late']");
        Assert.Contains("ingepland", again.Find(".notice")!.TextContent);
        Assert.Equal(2, (await e.BookingsAsync(app)).Count);
    }

    [Fact]
    public async Task A_household_withdraws_its_requests_before_the_evening_is_made()
    {
        var e = await Evening.CreateAsync(app);
        var parent = await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]);
        await e.AskAsync(app, parent, english: true);
        using var client = await app.SignInAsync(parent.Email!);

        var unsure = await client.SubmitAsync($"/rounds/{e.Round.Id}/request", [], "form[action*='handler=Withdraw']");
        Assert.Contains(unsure.Errors, m => m.Length > 0);
        var done = await client.SubmitAsync($"/rounds/{e.Round.Id}/request", new() { ["sure"] = "true" }, "form[action*='handler=Withdraw']");

        Assert.NotNull(done.Find(".notice"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConversationRequests.CountAsync(r => r.RoundId == e.Round.Id)));
    }

    [Fact]
    public async Task A_running_schedule_shows_its_progress_can_be_stopped_and_runs_one_at_a_time()
    {
        var e = await Evening.CreateAsync(app);
        await e.AskAsync(app, await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]));
        var leaderUser = await app.WithDbAsync(db => db.StaffMembers.Where(m => m.Id == e.Leader.Id).Select(m => m.UserId!.Value).SingleAsync());
        // Not queued to the worker: it stays "running" until the school leader stops it.
        var run = new ScheduleRun
        {
            SchoolId = e.School.Id, RoundId = e.Round.Id, Status = ScheduleRunStatus.Running, RunningKey = e.Round.Id.ToString("N"),
            TimeBudgetSeconds = 10, Seed = 1, StartedBy = leaderUser, CreatedAt = TestClock.Start.UtcDateTime, StartedAt = TestClock.Start.UtcDateTime,
            Instance = InstanceJson.Serialize(new Instance(Instance.SchemaId, "x", 10, [], [], [])), Labels = "{}",
        };
        await app.WithDbAsync(async db =>
        {
            db.ScheduleRuns.Add(run);
            await db.SaveChangesAsync();
        });
        using var leader = await app.SignInAsync(e.Leader.Email!);

        var page = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{run.Id}");
        var second = await leader.Http.PostAsJsonAsync($"/api/v1/rounds/{e.Round.Id}/schedule-runs", new StartRunBody(null));
        var stopped = await leader.SubmitAsync(page, [], "form[action*='handler=Cancel']");

        Assert.NotNull(page.Find("meta[http-equiv=refresh]"));
        Assert.NotNull(page.Find("#progress progress"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.NotNull(stopped.Find(".notice"));
        Assert.Null(stopped.Find("meta[http-equiv=refresh]"));
        Assert.Equal(ScheduleRunStatus.Cancelled, await app.WithDbAsync(db => db.ScheduleRuns.Where(r => r.Id == run.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsJsonAsync($"/api/v1/rounds/{e.Round.Id}/schedule-runs", new StartRunBody(8))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ParentEveningChangeTests_Sqlite(SqliteApp app) : ParentEveningChangeTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class ParentEveningChangeTests_Postgres(PostgresApp app) : ParentEveningChangeTests(app);
