using System.Net.Http.Json;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Tests.Infrastructure;

/// <summary>A school with one group, its teacher, a child with a parent, an open round and the teacher's slots (17 November, from 19:00).</summary>
internal sealed record RoundFamily(SchoolBuilder School, Group Group, Person Teacher, Person Child, Person Parent, ConversationRound Round, List<Slot> Slots);

internal static class FollowThroughWorld
{
    /// <summary>17 November 2026, 19:00 in Amsterdam: the first slot of <see cref="RoundBuilder.SlotsAsync"/>.</summary>
    public static readonly DateTimeOffset FirstSlot = new(2026, 11, 17, 18, 0, 0, TimeSpan.Zero);

    public const string FirstDay = "2026-11-17";

    public static async Task<RoundFamily> RoundFamilyAsync(this TestApp app, string language = "nl", int slots = 6)
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var child = await school.StudentAsync(group, firstName: "Noor");
        var parent = await school.GuardianAsync([child], language: language);
        var round = await school.OpenRoundAsync([group]);
        return new RoundFamily(school, group, teacher, child, parent, round, await school.SlotsAsync(round, teacher, slots));
    }

    public static async Task<Guid> BookAsync(this AppClient client, Guid roundId, Guid studentId, Guid slotId, string? topics = null,
        TopicAreas areas = TopicAreas.Wellbeing, string? interpreter = null)
    {
        var response = await client.Http.PostAsJsonAsync($"/api/v1/rounds/{roundId}/bookings",
            new BookRequest(studentId, slotId, topics, areas, interpreter));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<Guid>();
    }

    /// <summary>One pass of the reminder worker at the test clock, in its own scope as the hosted worker runs it.</summary>
    public static async Task<ReminderReport> RunRemindersAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendReminders>().HandleAsync(CancellationToken.None);
    }

    /// <summary>Outbox e-mails to one address whose subject or body contains <paramref name="text"/>.</summary>
    public static Task<int> OutboxCountAsync(this TestApp app, string to, string text) =>
        app.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(to)).Select(m => m.Payload).ToListAsync())
            .Count(p => p.Contains(text, StringComparison.Ordinal)));

    /// <summary>Runs <paramref name="body"/> with the app's clock at <paramref name="at"/>, and puts it back whatever happens.</summary>
    public static async Task AtAsync(this TestApp app, DateTimeOffset at, Func<Task> body)
    {
        app.Clock.Set(at);
        try
        {
            await body();
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
    }
}
