using System.Net;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster;
using Driehoek.Web.Infrastructure.Jobs;
using static Driehoek.Tests.Infrastructure.RosterImports;

namespace Driehoek.Tests.Roster;

public abstract class RosterImportTests(TestApp app)
{
    [Fact]
    public async Task School_leader_previews_and_commits_a_roster_and_reimporting_duplicates_nothing()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var file = RosterFiles.Utf8(RosterFiles.Students(30, "R", groups: 3));

        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File", file, "leerlingen.csv");
        Assert.Empty(preview.Errors);
        Assert.Contains("30", preview.Find("table.list")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));

        var done = await CommitAsync(leader, preview);
        Assert.NotNull(done.Find(".notice"));
        Assert.Equal(30, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
        Assert.Equal(60, await app.WithDbAsync(db => db.Guardianships.CountAsync(s => s.SchoolId == school.Id)));
        Assert.Equal(3, await app.WithDbAsync(db => db.Groups.CountAsync(g => g.SchoolId == school.Id)));

        var again = await leader.UploadAsync($"/school/{school.Id}/import", "File", file, "leerlingen.csv");
        Assert.Null(again.Find("table.list tbody tr"));
        await CommitAsync(leader, again);
        Assert.Equal(30, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
        Assert.Equal(60, await app.WithDbAsync(db => db.Guardians.CountAsync(g => g.BoardId == school.BoardId)));
        Assert.Equal(30, await app.WithDbAsync(db => db.Households.CountAsync(h => h.BoardId == school.BoardId)));
    }

    [Fact]
    public async Task A_changed_row_moves_the_student_instead_of_adding_one()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        await CommitAsync(leader, await leader.UploadAsync($"/school/{school.Id}/import", "File",
            RosterFiles.Utf8(RosterFiles.Students(2, "M", groups: 1)), "a.csv"));

        var moved = RosterFiles.Students(2, "M", groups: 1).Replace("M00001;Kind1;;Familie1;03-04-2016;Groep 1", "M00001;Kind1;;Familie1;03-04-2016;Groep 7", StringComparison.Ordinal);
        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(moved), "b.csv");
        await CommitAsync(leader, preview);

        var groupName = await app.WithDbAsync(db => db.Students.Where(s => s.SchoolId == school.Id && s.ExternalId == "M00001")
            .Join(db.Enrollments, s => s.Id, e => e.StudentId, (s, e) => e.GroupId)
            .Join(db.Groups, id => id, g => g.Id, (id, g) => g.Name).SingleAsync());
        Assert.Equal("Groep 7", groupName);
        Assert.Equal(2, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Windows_1252_and_comma_separated_exports_keep_their_accents()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var text = "Leerlingnummer,Roepnaam,Achternaam,Klas,Ouder 1 roepnaam,Ouder 1 achternaam,Ouder 1 e-mail\n" +
                   "W1,Zoë,Çelik,1A,Ayşe,Çelik,ayse.w1@test.invalid\n" +
                   "W2,Noël,Müller,1A,René,Müller,rene.w2@test.invalid\n";
        // Windows-1252 has no "ş": that export would write "s"; the test keeps to what the code page holds.
        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File",
            RosterFiles.Windows1252(text.Replace("ş", "s", StringComparison.Ordinal)), "export.csv");
        Assert.Contains("Windows-1252", preview.Text);
        await CommitAsync(leader, preview);

        var names = await app.WithDbAsync(db => db.Students.Where(s => s.SchoolId == school.Id).Select(s => s.FirstName + " " + s.LastName).ToListAsync());
        Assert.Contains("Zoë Çelik", names);
        Assert.Contains("Noël Müller", names);
    }

    [Fact]
    public async Task A_file_with_bad_rows_lists_each_line_and_reason_and_cannot_be_committed()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var text = RosterFiles.StudentHeader + "\n" +
                   "B1;Anna;;Jansen;12-05-2016;Groep 3;3;;Els;Jansen;els@test.invalid;;moeder;ja;nl;;;;;;;;;;;\n" +
                   ";Bram;;Bakker;01-01-2016;Groep 3;3;;;;;;;;;;;;;;;;;;;\n" +
                   "B3;Cem;;Kaya;31-02-2016;Groep 3;3;;Ali;Kaya;geen-adres;;oom2;misschien;nl;;;;;;;;;;;\n" +
                   "B1;Dubbel;;Jansen;12-05-2016;Groep 3;3;;;;;;;;;;;;;;;;;;;\n";

        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(text), "fout.csv");

        var rows = preview.FindAll(".error-summary tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.StartsWith('3') && r.Contains("Leerlingnummer"));
        Assert.Contains(rows, r => r.StartsWith('4') && r.Contains("31-02-2016"));
        Assert.Contains(rows, r => r.StartsWith('4') && r.Contains("geen-adres"));
        Assert.Contains(rows, r => r.StartsWith('4') && r.Contains("oom2"));
        Assert.Contains(rows, r => r.StartsWith('4') && r.Contains("misschien"));
        Assert.Contains(rows, r => r.StartsWith('5') && r.Contains("B1"));
        Assert.Null(preview.Find("main form:not([enctype]) button.primary"));

        var importId = await app.WithDbAsync(db => db.Set<RosterImport>().Where(i => i.SchoolId == school.Id).Select(i => i.Id).SingleAsync());
        var token = preview.Find("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? await leader.TokenAsync("/account");
        var forced = await leader.PostAsync($"/school/{school.Id}/import/{importId}", [new("__RequestVerificationToken", token)]);
        Assert.NotEmpty(forced.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
    }

    [Theory]
    [InlineData("", "leeg")]
    [InlineData("Naam;Adres\nPiet;Dorpsstraat 1\n", "Leerlingnummer")]
    [InlineData("Leerlingnummer;Roepnaam;Achternaam\n1;Piet;Jansen\n", "Groep")]
    [InlineData("Leerlingnummer;Roepnaam;Achternaam;Groep\n", "geen gegevens")]
    public async Task A_broken_file_gets_a_clear_message_and_changes_nothing(string content, string expected)
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);

        var page = await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(content), "kapot.csv");

        Assert.Contains(page.Errors, e => e.Contains(expected, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Binary_garbage_is_refused_with_a_message()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        var page = await leader.UploadAsync($"/school/{school.Id}/import", "File", garbage, "foto.jpg");

        Assert.NotEmpty(page.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Staff_file_assigns_roles_and_names_an_unknown_class()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        await CommitAsync(leader, await leader.UploadAsync($"/school/{school.Id}/import", "File",
            RosterFiles.Utf8(RosterFiles.Students(4, "S", groups: 2)), "leerlingen.csv"));
        var staff = "Afkorting;Voornaam;Tussenvoegsel;Achternaam;E-mail;Rol;Groep;Vak\n" +
                    "JAN;Jan;de;Vries;jan.s@test.invalid;Groepsleraar;Groep 1;\n" +
                    "JAN;Jan;de;Vries;jan.s@test.invalid;Vakdocent;Groep 2;Gym\n" +
                    "IB;Ineke;;Bos;ineke.s@test.invalid;IB'er;;\n";
        var bad = staff + "XX;Xander;;Fout;x.s@test.invalid;Mentor;Groep 99;\n";

        var refused = await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(bad), "personeel.csv");
        Assert.Contains(refused.FindAll(".error-summary tbody tr"), r => r.TextContent.StartsWith('5') && r.TextContent.Contains("Groep 99"));

        await CommitAsync(leader, await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(staff), "personeel.csv"));
        var roles = (await app.WithDbAsync(db => db.StaffAssignments.Where(a => a.SchoolId == school.Id)
            .Join(db.StaffMembers, a => a.StaffMemberId, m => m.Id, (a, m) => new { m.ExternalId, a.Role }).ToListAsync()))
            .Select(r => $"{r.ExternalId}:{r.Role}").ToList();
        Assert.Contains("JAN:GroupTeacher", roles);
        Assert.Contains("JAN:SubjectTeacher", roles);
        Assert.Contains("IB:CareCoordinator", roles);
    }

    [Fact]
    public async Task Names_with_markup_are_stored_and_shown_as_text()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var text = "Leerlingnummer;Roepnaam;Achternaam;Groep\nX1;<script>alert(1)</script>;<b>Vet</b>;Groep 1\n";
        await CommitAsync(leader, await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(text), "x.csv"));
        var groupId = await app.WithDbAsync(db => db.Groups.Where(g => g.SchoolId == school.Id).Select(g => g.Id).SingleAsync());

        var page = await leader.GetAsync($"/groups/{groupId}");

        Assert.Contains("<script>alert(1)</script>", page.Main);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Html);
        Assert.Empty(page.FindAll("main script"));
    }

    [Fact]
    public async Task Another_schools_leader_cannot_see_or_commit_an_import()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(RosterFiles.Students(2, "X")), "a.csv");
        var (other, otherLeader) = await SchoolWithLeaderAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync(preview.Url.PathAndQuery));
        var importId = preview.Url.Segments[^1];
        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync($"/school/{other.Id}/import/{importId}"));
        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync($"/api/v1/roster-imports/{importId}"));
        var token = await otherLeader.TokenAsync($"/school/{other.Id}/import");
        var post = await otherLeader.PostAsync($"/school/{school.Id}/import/{importId}", [new("__RequestVerificationToken", token)], follow: false);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
        leader.Dispose();
        otherLeader.Dispose();
    }

    [Fact]
    public async Task An_import_whose_instances_died_three_times_is_failed_as_interrupted()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(RosterFiles.Students(2, "D")), "a.csv");
        var importId = Guid.Parse(preview.Url.Segments[^1]);
        var start = TestClock.Start.UtcDateTime;
        // What three instances that died while committing leave behind: the import committing, its job claimed
        // three times, the last lease run out.
        await app.WithDbAsync(async db =>
        {
            await db.Set<RosterImport>().Where(i => i.Id == importId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RosterImportStatus.Committing).SetProperty(i => i.StartedAt, start));
            db.Set<BackgroundJob>().Add(new BackgroundJob
            {
                Kind = RosterImportJob.Kind, Key = JobKind.KeyFor(RosterImportJob.Kind, importId), SubjectId = importId, State = JobState.Running,
                Attempts = 3, LockedBy = "dead-instance:1", LockedUntil = start.AddSeconds(-1), RunAfter = start, CreatedAt = start,
            });
            await db.SaveChangesAsync();
        });

        var page = preview;
        for (var i = 0; i < 100 && page.Find("[role=alert]") is null; i++)
        {
            await Task.Delay(100);
            page = await leader.GetAsync(preview.Url.PathAndQuery);
        }

        Assert.Contains("onderbroken", page.Find("[role=alert]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
        var job = await app.WithDbAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.SubjectId == importId));
        Assert.Equal((JobState.Failed, 4), (job.State, job.Attempts));
    }

    [Fact]
    public async Task Five_thousand_students_import_in_one_go_with_progress()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File",
            RosterFiles.Utf8(RosterFiles.Students(5000, "L", groups: 40)), "groot.csv");
        Assert.Empty(preview.Errors);

        var first = await leader.SubmitAsync(preview, new() { ["confirmNewGroups"] = "true" });
        Assert.True(first.Find("progress") is not null || first.Find(".notice") is not null);
        var done = first;
        for (var i = 0; i < 600 && done.Find(".notice") is null; i++)
        {
            await Task.Delay(100);
            done = await leader.GetAsync(first.Url.PathAndQuery);
        }

        Assert.NotNull(done.Find(".notice"));
        Assert.Equal(5000, await app.WithDbAsync(db => db.Students.CountAsync(s => s.SchoolId == school.Id)));
        Assert.Equal(10000, await app.WithDbAsync(db => db.Guardians.CountAsync(g => g.BoardId == school.BoardId)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RosterImportTests_Sqlite(SqliteApp app) : RosterImportTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class RosterImportTests_Postgres(PostgresApp app) : RosterImportTests(app);
