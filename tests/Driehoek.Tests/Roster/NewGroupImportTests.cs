using Driehoek.Web.Features.People;
using static Driehoek.Tests.Infrastructure.RosterImports;

namespace Driehoek.Tests.Roster;

/// <summary>An import does not create groups from a typo: the preview names new groups and groups without a teacher, and asks first.</summary>
public abstract class NewGroupImportTests(TestApp app)
{
    [Fact]
    public async Task The_preview_names_new_and_teacherless_groups_and_the_commit_creates_them_only_when_confirmed()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var led = await school.GroupAsync("Groep 1");
        await school.StaffAsync(StaffRole.GroupTeacher, led);
        await school.GroupAsync("Groep 2");
        var file = RosterFiles.Utf8(RosterFiles.Students(6, "NG", groups: 3));

        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File", file, "leerlingen.csv");
        Assert.Equal(["Groep 3"], preview.FindAll("#new-groups + ul li").Select(li => li.TextContent).ToList());
        Assert.Equal(["Groep 2", "Groep 3"], preview.FindAll("#groups-without-teacher + ul li").Select(li => li.TextContent).ToList());

        var refused = await leader.SubmitAsync(preview, []);
        Assert.Contains(refused.Errors, e => e.Contains("Groep 3", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
        Assert.False(await app.WithDbAsync(db => db.Groups.AnyAsync(g => g.SchoolId == school.Id && g.Name == "Groep 3")));

        var done = await CommitAsync(leader, preview);
        Assert.NotNull(done.Find(".notice"));
        Assert.True(await app.WithDbAsync(db => db.Groups.AnyAsync(g => g.SchoolId == school.Id && g.Name == "Groep 3")));
        Assert.Equal(6, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NewGroupImportTests_Sqlite(SqliteApp app) : NewGroupImportTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class NewGroupImportTests_Postgres(PostgresApp app) : NewGroupImportTests(app);
