using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using static Driehoek.Tests.Rollover.RolloverWorld;

namespace Driehoek.Tests.Rollover;

/// <summary>A board of twenty schools rolls over school by school: each school on its own, the others untouched until their turn.</summary>
public abstract class BoardRolloverTests(TestApp app)
{
    private const int Schools = 20;

    [Fact]
    public async Task A_board_admin_rolls_twenty_schools_over_one_by_one_and_each_stays_apart()
    {
        var first = await app.World.SchoolAsync();
        var schools = new List<(SchoolBuilder School, Person Child)> { (first, await first.StudentAsync(await first.GroupAsync("Groep 3", 3))) };
        for (var i = 1; i < Schools; i++)
        {
            var school = await app.World.SchoolAsync(i % 2 == 0 ? SchoolKind.Primary : SchoolKind.Secondary, first.BoardId);
            schools.Add((school, await school.StudentAsync(await school.GroupAsync(i % 2 == 0 ? "Groep 3" : "3A", 3))));
        }
        var admin = await app.World.BoardAdminAsync(first.BoardId);
        var otherBoard = await app.World.SchoolAsync();
        var otherAdmin = await app.World.BoardAdminAsync(otherBoard.BoardId);

        await AtAsync(app, June, async () =>
        {
            using var client = await app.SignInAsync(admin.Email!);
            var board = await client.GetAsync($"/board/{first.BoardId}/rollover");
            Assert.Equal(HttpStatusCode.OK, board.Status);
            Assert.Equal(Enumerable.Repeat("Open", Schools), board.FindAll("#schools tbody tr").Select(r => r.GetAttribute("data-state") ?? ""));

            for (var i = 0; i < Schools; i++)
            {
                var (school, _) = schools[i];
                var link = board.Find($"#schools tr[data-id='{school.Id}'] a")!.GetAttribute("href")!;
                // A secondary school of one year's classes has that year as its highest: its leader says the final year is 6.
                var done = await ConfirmAsync(client, await client.GetAsync(school.School.Kind == SchoolKind.Secondary ? link + "?finalLevel=6" : link));
                Assert.Equal("Done", done.Find("#state")!.GetAttribute("data-state"));
                if (i == Schools / 2)
                {
                    board = await client.GetAsync($"/board/{first.BoardId}/rollover");
                    var states = board.FindAll("#schools tbody tr").ToDictionary(r => r.GetAttribute("data-id")!, r => r.GetAttribute("data-state"));
                    Assert.Equal(Schools / 2 + 1, states.Values.Count(s => s == "Done"));
                    Assert.Equal("Open", states[schools[i + 1].School.Id.ToString()]);
                    Assert.False(await app.WithDbAsync(db => db.SchoolYears.AnyAsync(y => y.SchoolId == schools[i + 1].School.Id && y.Name == NextYear)));
                }
            }
            board = await client.GetAsync($"/board/{first.BoardId}/rollover");
            Assert.All(board.FindAll("#schools tbody tr"), r => Assert.Equal("Done", r.GetAttribute("data-state")));

            using var stranger = await app.SignInAsync(otherAdmin.Email!);
            Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync($"/board/{first.BoardId}/rollover"));
            Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync(Url(first)));
        });

        foreach (var (school, child) in schools)
        {
            var next = await NextYearAsync(app, school.Id);
            var group = Assert.Single(next);
            Assert.Equal([child.Id], group.Value.Students);
            Assert.Equal(4, group.Value.Level);
        }
        Assert.False(await app.WithDbAsync(db => db.SchoolYears.AnyAsync(y => y.SchoolId == otherBoard.Id && y.Name == NextYear)));
    }

    [Fact]
    public async Task A_board_admin_lets_the_handover_follow_a_student_within_the_board_and_another_boards_admin_cannot()
    {
        var school = await app.World.SchoolAsync();
        var admin = await app.World.BoardAdminAsync(school.BoardId);
        var stranger = await app.World.BoardAdminAsync((await app.World.SchoolAsync()).BoardId);
        using var client = await app.SignInAsync(admin.Email!);
        Assert.Null((await client.GetAsync($"/board/{school.BoardId}")).Find("#handoverFollowsStudent[checked]"));

        var saved = await client.SubmitAsync($"/board/{school.BoardId}", new() { ["handoverFollowsStudent"] = "true" }, "main form[method=post]");

        Assert.NotNull(saved.Find("#handoverFollowsStudent[checked]"));
        Assert.NotNull(saved.Find("#twoFactorForAdmins[checked]"));
        Assert.True(await app.WithDbAsync(db => db.Boards.Where(b => b.Id == school.BoardId).Select(b => b.HandoverFollowsStudent).SingleAsync()));

        using var other = await app.SignInAsync(stranger.Email!);
        var token = await other.TokenAsync("/language");
        var refused = await other.PostAsync($"/board/{school.BoardId}", [new("__RequestVerificationToken", token), new("twoFactorForAdmins", "true")]);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.True(await app.WithDbAsync(db => db.Boards.Where(b => b.Id == school.BoardId).Select(b => b.HandoverFollowsStudent).SingleAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BoardRolloverTests_Sqlite(SqliteApp app) : BoardRolloverTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class BoardRolloverTests_Postgres(PostgresApp app) : BoardRolloverTests(app);
