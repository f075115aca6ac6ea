using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Bookings;

/// <summary>The home page's "coming up" of a guardian without parental authority follows the school's setting, like the pages it links to.</summary>
public abstract class LimitedGuardianAgendaTests(TestApp app)
{
    [Fact]
    public async Task A_parent_without_authority_is_offered_booking_only_where_the_school_allows_it()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var child = await school.StudentAsync(group);
        await school.GuardianAsync([child]);
        var limited = await school.GuardianAsync([child], authority: false);
        var round = await school.OpenRoundAsync([group]);
        await school.SlotsAsync(round, teacher, 2);
        using var client = await app.SignInAsync(limited.Email!);
        var bookPath = $"a[href^='/rounds/{round.Id}/book']";

        var home = await client.GetAsync("/");
        Assert.NotNull(home.Find("article.child"));
        Assert.Null(home.Find(bookPath));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, await client.StatusAsync($"/rounds/{round.Id}/book"));

        await app.WithDbAsync(async db =>
        {
            (await db.Schools.SingleAsync(s => s.Id == school.Id)).LimitedGuardianAccess |= LimitedGuardianAccess.ConversationRounds;
            await db.SaveChangesAsync();
        });
        Assert.NotNull((await client.GetAsync("/")).Find(bookPath));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LimitedGuardianAgendaTests_Sqlite(SqliteApp app) : LimitedGuardianAgendaTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class LimitedGuardianAgendaTests_Postgres(PostgresApp app) : LimitedGuardianAgendaTests(app);
