using System.Net;
using System.Net.Http.Json;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.ParentEvenings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Tests.ParentEvenings;

public abstract class ParentEveningGuardTests(TestApp app)
{
    private static Task<HttpResponseMessage> AskAsync(AppClient client, Guid roundId, Guid studentId, Guid sessionId,
        IReadOnlyList<Guid>? subjects = null, string? topics = null) =>
        client.Http.PutAsJsonAsync($"/api/v1/rounds/{roundId}/requests", new RequestsBody(
            [new ChildRequestInput(studentId, true, subjects ?? [], TopicAreas.Wellbeing, topics)], [sessionId], null, null));

    [Fact]
    public async Task Another_family_school_or_teacher_gets_not_found_on_requests_runs_and_timetables()
    {
        var e = await Evening.CreateAsync(app);
        var child = await e.School.StudentAsync(e.Group);
        var parent = await e.School.GuardianAsync([child]);
        await e.AskAsync(app, parent);
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var runId = await e.RunAsync(app, leader);
        var other = await Evening.CreateAsync(app);
        var stranger = await other.School.GuardianAsync([await other.School.StudentAsync(other.Group)]);
        var otherGroup = await e.School.GroupAsync("3B", 3);
        var classmateElsewhere = await e.School.GuardianAsync([await e.School.StudentAsync(otherGroup)]);

        foreach (var email in new[] { stranger.Email!, classmateElsewhere.Email! })
        {
            using var client = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/rounds/{e.Round.Id}/request"));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/rounds/{e.Round.Id}/timetable"));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/api/v1/rounds/{e.Round.Id}/timetable"));
            Assert.Equal(HttpStatusCode.NotFound, (await AskAsync(client, e.Round.Id, child.Id, await e.SessionIdAsync(app))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/rounds/{e.Round.Id}/schedule/{runId}"));
        }
        foreach (var email in new[] { e.Mentor.Email!, other.Leader.Email! })
        {
            using var staff = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, await staff.StatusAsync($"/rounds/{e.Round.Id}/schedule"));
            Assert.Equal(HttpStatusCode.NotFound, await staff.StatusAsync($"/rounds/{e.Round.Id}/schedule/{runId}"));
            Assert.Equal(HttpStatusCode.NotFound, await staff.StatusAsync($"/api/v1/schedule-runs/{runId}"));
            Assert.Equal(HttpStatusCode.NotFound, await staff.StatusAsync($"/rounds/{e.Round.Id}/timetable"));
            var start = await staff.Http.PostAsJsonAsync($"/api/v1/rounds/{e.Round.Id}/schedule-runs", new StartRunBody(null));
            Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        }
        using var own = await app.SignInAsync(parent.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await own.StatusAsync($"/rounds/{e.Round.Id}/schedule/{runId}"));
        Assert.Equal(HttpStatusCode.NotFound, await own.StatusAsync($"/rounds/{other.Round.Id}/request"));
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_message_and_store_nothing()
    {
        var e = await Evening.CreateAsync(app);
        var child = await e.School.StudentAsync(e.Group);
        var parent = await e.School.GuardianAsync([child]);
        var elsewhere = await e.School.StaffAsync(StaffRole.SubjectTeacher, await e.School.GroupAsync("4C", 4), "Frans");
        var session = await e.SessionIdAsync(app);
        using var client = await app.SignInAsync(parent.Email!);

        var wrongTeacher = await AskAsync(client, e.Round.Id, child.Id, session, [elsewhere.Id]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongTeacher.StatusCode);
        Assert.Contains("geen gesprek aanvragen", await wrongTeacher.Content.ReadAsStringAsync());
        var huge = await AskAsync(client, e.Round.Id, child.Id, session, topics: new string('x', 1_000_000));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("2000", await huge.Content.ReadAsStringAsync());

        app.Clock.Set(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
        try
        {
            using var later = await app.SignInAsync(parent.Email!);
            var closed = await AskAsync(later, e.Round.Id, child.Id, session);
            Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
            Assert.Contains("gesloten", await closed.Content.ReadAsStringAsync());
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == e.Round.Id)).Status = RoundStatus.Cancelled;
            await db.SaveChangesAsync();
        });
        using var again = await app.SignInAsync(parent.Email!);
        var cancelled = await AskAsync(again, e.Round.Id, child.Id, session);
        Assert.Equal(HttpStatusCode.BadRequest, cancelled.StatusCode);
        Assert.Contains("geannuleerd", await cancelled.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.ConversationRequests.CountAsync(r => r.RoundId == e.Round.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.FamilySessions.CountAsync(r => r.RoundId == e.Round.Id)));
    }

    [Fact]
    public async Task A_teacher_without_availability_is_named_instead_of_a_crash()
    {
        var e = await Evening.CreateAsync(app, mentorSlots: 0);
        await e.AskAsync(app, await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]));
        using var leader = await app.SignInAsync(e.Leader.Email!);

        var plan = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule");
        var refused = await leader.SubmitAsync(plan, [], "form[action*='handler=Run']");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, m => m.Contains(e.Mentor.Name, StringComparison.Ordinal) && m.Contains("geen tijden", StringComparison.Ordinal));
        Assert.Contains(e.Mentor.Name, plan.Find("#problems")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScheduleRuns.CountAsync(r => r.RoundId == e.Round.Id)));
    }

    [Fact]
    public async Task Families_cannot_book_themselves_in_a_request_round_and_are_sent_to_the_request_page()
    {
        var e = await Evening.CreateAsync(app);
        var child = await e.School.StudentAsync(e.Group);
        var parent = await e.School.GuardianAsync([child]);
        var slot = await app.WithDbAsync(db => db.Slots.FirstAsync(s => s.RoundId == e.Round.Id));
        using var client = await app.SignInAsync(parent.Email!);

        var book = await client.GetAsync($"/rounds/{e.Round.Id}/book");
        var direct = await client.Http.PostAsJsonAsync($"/api/v1/rounds/{e.Round.Id}/bookings", new BookRequest(child.Id, slot.Id, null, TopicAreas.None, null));

        Assert.NotNull(book.Find($"a[href='/rounds/{e.Round.Id}/request']"));
        Assert.Empty(book.FindAll("a.slot"));
        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        Assert.Contains(book.FindAll("main a"), a => a.GetAttribute("href") == $"/rounds/{e.Round.Id}/request");
        Assert.Contains((await client.GetAsync("/parent")).FindAll(".agenda a"), a => a.GetAttribute("href") == $"/rounds/{e.Round.Id}/request");
    }

    [Fact]
    public async Task Every_parent_evening_page_has_all_its_strings_in_every_language()
    {
        var e = await Evening.CreateAsync(app, mentorSlots: 2);
        var noor = await e.School.StudentAsync(e.Group, firstName: "Noor");
        var sam = await e.School.StudentAsync(e.Group, firstName: "Sam");
        var parent = await e.School.GuardianAsync([noor, sam]);
        var crowd = await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]);
        app.MissingResources.Clear();
        using (var client = await app.SignInAsync(parent.Email!))
        {
            foreach (var language in Cultures.Supported)
            {
                await client.GetAsync($"/rounds/{e.Round.Id}/request?lang={language}");
                await client.GetAsync($"/rounds/{e.Round.Id}/timetable?lang={language}");
                await client.GetAsync($"/parent?lang={language}");
            }
        }
        await e.AskAsync(app, parent, english: true, topics: "Rekenen");
        await e.AskAsync(app, crowd);
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var runId = await e.RunAsync(app, leader);
        foreach (var language in new[] { "nl", "en" })
        {
            await leader.GetAsync($"/rounds/{e.Round.Id}?lang={language}");
            await leader.GetAsync($"/rounds/{e.Round.Id}/schedule?lang={language}");
            var review = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{runId}?lang={language}");
            var anyRequest = review.Find("#timelines a[href*='move='], #unplaced a")!.GetAttribute("href")!;
            // The link keeps the page's address (and its language) and adds the meeting to move.
            Assert.Contains($"lang={language}", anyRequest, StringComparison.Ordinal);
            await leader.GetAsync(anyRequest.Split('#')[0]);
        }
        await e.PublishAsync(leader, runId);
        await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{runId}?lang=en");
        await leader.GetAsync($"/rounds/{e.Round.Id}/schedule?lang=en");
        using var family = await app.SignInAsync(parent.Email!);
        foreach (var language in Cultures.Supported)
        {
            await family.GetAsync($"/rounds/{e.Round.Id}/request?lang={language}");
            await family.GetAsync($"/rounds/{e.Round.Id}/timetable?lang={language}");
            await family.GetAsync($"/parent?lang={language}");
        }

        Assert.Empty(app.MissingResources.All);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ParentEveningGuardTests_Sqlite(SqliteApp app) : ParentEveningGuardTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class ParentEveningGuardTests_Postgres(PostgresApp app) : ParentEveningGuardTests(app);
