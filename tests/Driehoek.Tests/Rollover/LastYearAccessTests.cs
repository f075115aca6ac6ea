using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using static Driehoek.Tests.Rollover.RolloverWorld;

namespace Driehoek.Tests.Rollover;

/// <summary>
/// After the rollover last year's teacher reads last year's students for the days the school sets after the year's
/// end, then nothing of them unless they teach the student now; the roster import of the new year leaves last year alone.
/// </summary>
public abstract class LastYearAccessTests(TestApp app)
{
    /// <summary>Twenty days after the year's end, within the default sixty.</summary>
    private static readonly DateTimeOffset August = new(2027, 8, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Seventy days after the year's end: past the default sixty.</summary>
    private static readonly DateTimeOffset October = new(2027, 10, 9, 8, 0, 0, TimeSpan.Zero);

    private sealed record Year(SchoolBuilder School, Group Group, Person Child, Person LastTeacher, Person Leader, Person OtherChild);

    /// <summary>Groep 5 with its teacher; the school rolls over in June without the teacher going along.</summary>
    private async Task<Year> RolledOverAsync(bool rollOver = true)
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync("Groep 5", 5);
        var child = await school.StudentAsync(group, "Noor");
        var otherChild = await school.StudentAsync(await school.GroupAsync("Groep 3", 3), "Sem");
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        if (rollOver)
        {
            await AtAsync(app, June, async () =>
            {
                using var client = await app.SignInAsync(leader.Email!);
                var page = await client.GetAsync(Url(school));
                var done = await ConfirmAsync(client, page, new() { [Field(page, group.Id, "carryTeachers")] = "false" });
                Assert.Equal("Done", done.Find("#state")!.GetAttribute("data-state"));
            });
        }
        return new Year(school, group, child, teacher, leader, otherChild);
    }

    private async Task<HttpStatusCode> ReadsAsync(Person who, string url)
    {
        using var client = await app.SignInAsync(who.Email!);
        return await client.StatusAsync(url);
    }

    private static string Record(Person child) => $"/api/v1/students/{child.Id}";

    [Fact]
    public async Task Last_years_teacher_reads_last_years_student_for_sixty_days_then_only_the_teacher_of_now_does()
    {
        var y = await RolledOverAsync();
        var newGroup = await app.WithDbAsync(db => db.Groups.Where(g => g.SchoolId == y.School.Id && g.Name == "Groep 6").Select(g => g.Id).SingleAsync());
        var newTeacher = await y.School.StaffAsync(StaffRole.GroupTeacher, await app.WithDbAsync(db => db.Groups.SingleAsync(g => g.Id == newGroup)));

        await AtAsync(app, August, async () =>
        {
            Assert.Equal(HttpStatusCode.OK, await ReadsAsync(y.LastTeacher, Record(y.Child)));
            Assert.Equal(HttpStatusCode.OK, await ReadsAsync(y.LastTeacher, $"/api/v1/groups/{y.Group.Id}"));
            Assert.Equal(HttpStatusCode.OK, await ReadsAsync(newTeacher, Record(y.Child)));
        });
        await AtAsync(app, October, async () =>
        {
            Assert.Equal(HttpStatusCode.NotFound, await ReadsAsync(y.LastTeacher, Record(y.Child)));
            Assert.Equal(HttpStatusCode.NotFound, await ReadsAsync(y.LastTeacher, $"/students/{y.Child.Id}/notes"));
            Assert.Equal(HttpStatusCode.NotFound, await ReadsAsync(y.LastTeacher, $"/api/v1/groups/{y.Group.Id}"));
            Assert.Equal(HttpStatusCode.OK, await ReadsAsync(newTeacher, Record(y.Child)));
            Assert.Equal(HttpStatusCode.OK, await ReadsAsync(y.Leader, Record(y.Child)));
            // Never another group's child, in either year.
            Assert.Equal(HttpStatusCode.NotFound, await ReadsAsync(newTeacher, Record(y.OtherChild)));
        });
    }

    [Fact]
    public async Task The_school_sets_how_long_last_years_teacher_keeps_reading()
    {
        var y = await RolledOverAsync();
        await AtAsync(app, October, async () =>
        {
            Assert.Equal(HttpStatusCode.NotFound, await ReadsAsync(y.LastTeacher, Record(y.Child)));
            using var leader = await app.SignInAsync(y.Leader.Email!);
            var refused = await leader.SubmitAsync(Url(y.School), new() { ["readDays"] = "9999" }, "form#read-days");
            Assert.NotEmpty(refused.Errors);
            var saved = await leader.SubmitAsync(Url(y.School), new() { ["readDays"] = "120" }, "form#read-days");
            Assert.NotNull(saved.Find("#read-heading ~ .notice[role=status]"));
            Assert.Equal("120", saved.Find("#readDays")!.GetAttribute("value"));

            Assert.Equal(HttpStatusCode.OK, await ReadsAsync(y.LastTeacher, Record(y.Child)));

            await leader.SubmitAsync(Url(y.School), new() { ["readDays"] = "0" }, "form#read-days");
        });
        // With 0 days last year closes the day after it ends.
        await AtAsync(app, new DateTimeOffset(2027, 8, 2, 8, 0, 0, TimeSpan.Zero), async () =>
            Assert.Equal(HttpStatusCode.NotFound, await ReadsAsync(y.LastTeacher, Record(y.Child))));
    }

    [Fact]
    public async Task A_school_without_a_newer_year_keeps_its_teachers_reading_after_the_year_ends()
    {
        var y = await RolledOverAsync(rollOver: false);
        await AtAsync(app, October, async () =>
            Assert.Equal(HttpStatusCode.OK, await ReadsAsync(y.LastTeacher, Record(y.Child))));
    }

    [Fact]
    public async Task After_the_rollover_the_roster_import_fills_the_new_year_and_keeps_last_years_groups_and_teachers()
    {
        var y = await RolledOverAsync();
        var before = await app.WithDbAsync(db => db.Enrollments.Where(e => e.SchoolYearId == y.School.Year.Id)
            .OrderBy(e => e.Id).Select(e => $"{e.StudentId}:{e.GroupId}").ToListAsync());
        var code = await app.WithDbAsync(db => db.StaffMembers.Where(m => m.Id == y.LastTeacher.Id).Select(m => m.ExternalId).SingleAsync());
        await AtAsync(app, new DateTimeOffset(2027, 7, 1, 8, 0, 0, TimeSpan.Zero), async () =>
        {
            using var leader = await app.SignInAsync(y.Leader.Email!);
            var students = RosterFiles.StudentHeader + "\nNIEUW1;Lotte;;Nieuw;01-02-2023;Groep 1;1;;Ouder;Nieuw;ouder.nieuw@test.invalid;;moeder;ja;nl;1111AA;1;;;;;;;;;\n";
            var preview = await leader.UploadAsync($"/school/{y.School.Id}/import", "File", RosterFiles.Utf8(students), "nieuw.csv");
            Assert.Contains(NextYear, preview.Find("#import-year")!.TextContent);
            var done = await RosterImports.CommitAsync(leader, preview);
            Assert.Empty(done.Errors);
            // Last year's teacher of Groep 5 teaches Groep 6 next year, by the staff import.
            var staff = $"Afkorting;Voornaam;Tussenvoegsel;Achternaam;E-mail;Rol;Groep;Vak\n{code};Juf;;Vijf;{y.LastTeacher.Email};Groepsleraar;Groep 6;\n";
            await RosterImports.CommitAsync(leader, await leader.UploadAsync($"/school/{y.School.Id}/import", "File", RosterFiles.Utf8(staff), "personeel.csv"));
        });

        var next = await NextYearAsync(app, y.School.Id);
        Assert.Single(next["Groep 1"].Students);
        Assert.Equal([y.Child.Id], next["Groep 6"].Students);
        Assert.Equal(before, await app.WithDbAsync(db => db.Enrollments.Where(e => e.SchoolYearId == y.School.Year.Id)
            .OrderBy(e => e.Id).Select(e => $"{e.StudentId}:{e.GroupId}").ToListAsync()));
        var roles = await app.WithDbAsync(db => db.StaffAssignments.Where(a => a.StaffMemberId == y.LastTeacher.Id)
            .Join(db.Groups, a => a.GroupId, g => (Guid?)g.Id, (a, g) => g.Id).ToListAsync());
        Assert.Contains(y.Group.Id, roles);
        Assert.Equal(2, roles.Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LastYearAccessTests_Sqlite(SqliteApp app) : LastYearAccessTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class LastYearAccessTests_Postgres(PostgresApp app) : LastYearAccessTests(app);
