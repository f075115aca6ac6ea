using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Json;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.ParentEvenings;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.ParentEvenings;

/// <summary>
/// A secondary school's parent evening in request mode: class 3A with a mentor and an English teacher,
/// a school leader, a round on 17 November (open for requests at the test clock's start) and both
/// teachers available 19:00–21:00 (twelve ten-minute times).
/// </summary>
internal sealed record Evening(SchoolBuilder School, Group Group, ConversationRound Round, Person Leader, Person Mentor, Person English)
{
    public static async Task<Evening> CreateAsync(TestApp app, bool session = true, int mentorSlots = 12, int englishSlots = 12,
        Participants participants = Participants.Parents | Participants.GroupTeacherOrMentor | Participants.SubjectTeachersOnRequest)
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var group = await school.GroupAsync("3A", 3);
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var english = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Engels");
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var round = await school.OpenRoundAsync([group], participants, maxSubjectTeachers: 2);
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == round.Id)).Mode = RoundMode.Requests;
            if (session)
            {
                db.RoundSessions.Add(new RoundSession
                {
                    SchoolId = school.Id, RoundId = round.Id, Date = RoundBuilder.FirstDay, Start = new TimeOnly(19, 0), End = new TimeOnly(21, 0),
                });
            }
            await db.SaveChangesAsync();
        });
        if (mentorSlots > 0)
        {
            await school.SlotsAsync(round, mentor, mentorSlots);
        }
        if (englishSlots > 0)
        {
            await school.SlotsAsync(round, english, englishSlots);
        }
        return new Evening(school, group, round, leader, mentor, english);
    }

    public Task<Guid> SessionIdAsync(TestApp app) =>
        app.WithDbAsync(db => db.RoundSessions.Where(s => s.RoundId == Round.Id).Select(s => s.Id).FirstAsync());

    /// <summary>A household asks, through the request page, for the mentor (and English) for one child.</summary>
    public async Task<Page> AskAsync(TestApp app, Person parent, bool english = false, string? topics = null)
    {
        using var client = await app.SignInAsync(parent.Email!);
        var form = await client.GetAsync($"/rounds/{Round.Id}/request");
        var fields = new Dictionary<string, string> { ["SessionIds"] = (await SessionIdAsync(app)).ToString() };
        if (english)
        {
            fields["Children[0].Subjects"] = English.Id.ToString();
        }
        if (topics is not null)
        {
            fields["Children[0].Topics"] = topics;
            fields["Children[0].Areas"] = "Results";
        }
        return await client.SubmitAsync(form, fields, "main form:not([action])");
    }

    /// <summary>The school leader starts the scheduler from the round's schedule page and waits until it is done.</summary>
    public async Task<Guid> RunAsync(TestApp app, AppClient leader)
    {
        var plan = await leader.GetAsync($"/rounds/{Round.Id}/schedule");
        var started = await leader.SubmitAsync(plan, [], "form[action*='handler=Run']");
        Assert.True(started.Url.AbsolutePath.Contains("/schedule/", StringComparison.Ordinal), string.Join(" | ", started.Errors));
        var runId = Guid.Parse(started.Url.Segments[^1]);
        for (var i = 0; i < 300; i++)
        {
            var status = await app.WithDbAsync(db => db.ScheduleRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync());
            if (status is not (ScheduleRunStatus.Queued or ScheduleRunStatus.Running))
            {
                Assert.Equal(ScheduleRunStatus.Finished, status);
                return runId;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The scheduler did not finish within 30 seconds.");
    }

    public async Task<Page> PublishAsync(AppClient leader, Guid runId)
    {
        var review = await leader.GetAsync($"/rounds/{Round.Id}/schedule/{runId}");
        return await leader.SubmitAsync(review, new() { ["sure"] = "true" }, "form[action*='handler=Publish']");
    }

    /// <summary>The stored schedule, checked from scratch by the library's independent checker.</summary>
    public static Task<CheckReport> CheckStoredAsync(TestApp app, Guid runId) => app.WithDbAsync(async db =>
    {
        var run = await db.ScheduleRuns.SingleAsync(r => r.Id == runId);
        return SolutionChecker.Check(InstanceJson.Parse(run.Instance), SolutionJson.Parse(run.Solution!));
    });

    public Task<List<Booking>> BookingsAsync(TestApp app) =>
        app.WithDbAsync(db => db.Bookings.Where(b => b.RoundId == Round.Id && b.ActiveSlotId != null).OrderBy(b => b.StartsAt).ToListAsync());
}
