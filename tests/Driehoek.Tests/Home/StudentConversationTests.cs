using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Home;

public abstract class StudentConversationTests(TestApp app)
{
    private async Task<string> FeedOfAsync(AppClient client)
    {
        var page = await client.SubmitAsync("/account/calendar", [], "form[action*='handler=Create']");
        var address = page.Find("#feed-address")?.GetAttribute("value") ?? throw new InvalidOperationException("No feed address shown");
        using var anonymous = app.Client();
        var response = await anonymous.Http.GetAsync(new Uri(address).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<Guid> UidAsync(Guid bookingId) =>
        app.WithDbAsync(db => db.Bookings.Where(b => b.Id == bookingId).Select(b => b.CalendarUid).SingleAsync());

    [Fact]
    public async Task A_student_sees_when_where_and_with_whom_after_the_parent_booked_and_has_it_in_their_own_feed()
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var group = await school.GroupAsync();
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var student = await school.StudentAsync(group, firstName: "Yara", login: true);
        var parent = await school.GuardianAsync([student]);
        var classmate = await school.StudentAsync(group, firstName: "Bram", login: true);
        var round = await school.OpenRoundAsync([group]);
        var slots = await school.SlotsAsync(round, mentor, 3);
        using var guardian = await app.SignInAsync(parent.Email!);
        var bookingId = await guardian.BookAsync(round.Id, student.Id, slots[1].Id, topics: "Wat thuis speelt");
        var uid = await UidAsync(bookingId);

        using var yara = await app.SignInAsync(student.Email!);
        var page = await yara.GetAsync("/student");

        var conversation = page.Find("article.conversation")?.TextContent ?? "";
        Assert.Contains("17 november 19:10", conversation);
        Assert.Contains(mentor.Name, conversation);
        Assert.Contains("Lokaal 12", conversation);
        Assert.NotNull(page.Find($"article.conversation a[href='/rounds/{round.Id}/prepare?student={student.Id}']"));
        Assert.DoesNotContain("Wat thuis speelt", page.Text);
        Assert.Contains($"UID:{uid:N}@driehoek", await FeedOfAsync(yara));

        using var bram = await app.SignInAsync(classmate.Email!);
        var other = await bram.GetAsync("/student");
        Assert.Null(other.Find("article.conversation"));
        Assert.DoesNotContain($"{uid:N}", await FeedOfAsync(bram));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StudentConversationTests_Sqlite(SqliteApp app) : StudentConversationTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class StudentConversationTests_Postgres(PostgresApp app) : StudentConversationTests(app);
