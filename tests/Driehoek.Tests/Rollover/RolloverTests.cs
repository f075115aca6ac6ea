using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rollover;
using Microsoft.Extensions.DependencyInjection;
using static Driehoek.Tests.Rollover.RolloverWorld;

namespace Driehoek.Tests.Rollover;

/// <summary>
/// A school leader moves a school into the next year: the preview (groups carried and renamed, leavers, teachers along),
/// the confirmation, and what it leaves in the database; run twice, at once, interrupted or on a stale preview.
/// </summary>
public abstract class RolloverTests(TestApp app)
{
    private sealed record Primary(SchoolBuilder School, Group G5, Group G7, Group G8, Person[] Children, Person T5, Person T7, Person T8);

    /// <summary>Groep 5 (Anna, Bram), groep 7a (Cas), Groep 8 (Dirk, Eva), each with its group teacher.</summary>
    private async Task<Primary> PrimaryAsync()
    {
        var school = await app.World.SchoolAsync();
        var g5 = await school.GroupAsync("Groep 5", 5);
        var g7 = await school.GroupAsync("groep 7a", 7);
        var g8 = await school.GroupAsync("Groep 8", 8);
        Person[] children =
        [
            await school.StudentAsync(g5, "Anna"), await school.StudentAsync(g5, "Bram"), await school.StudentAsync(g7, "Cas"),
            await school.StudentAsync(g8, "Dirk"), await school.StudentAsync(g8, "Eva"),
        ];
        return new Primary(school, g5, g7, g8, children, await school.StaffAsync(StaffRole.GroupTeacher, g5),
            await school.StaffAsync(StaffRole.GroupTeacher, g7), await school.StaffAsync(StaffRole.GroupTeacher, g8));
    }

    [Fact]
    public async Task A_leader_previews_and_rolls_a_primary_school_over_with_its_leavers_and_the_teachers_who_go_along()
    {
        var p = await PrimaryAsync();
        var before = await SnapshotAsync(app, p.School.Id);
        await AtAsync(app, June, async () =>
        {
            var (leaderPerson, leader) = await LeaderAsync(app, p.School);
            var page = await leader.GetAsync(Url(p.School));

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Open", page.Find("#state")!.GetAttribute("data-state"));
            Assert.Equal("Groep 6", NewName(page, p.G5.Id));
            Assert.Equal("groep 8a", NewName(page, p.G7.Id));
            Assert.True(Leaves(page, p.G8.Id));
            Assert.Equal("8", page.Find("#finalLevel")!.GetAttribute("value"));
            Assert.Equal(["Dirk", "Eva"], page.FindAll("#leavers li").Select(li => li.TextContent.Split(' ')[0]));
            Assert.Contains("2 groepen", page.Find("#preview .groups")!.TextContent);
            Assert.Contains("3 leerlingen", page.Find("#preview .students")!.TextContent);

            // In English too (a client of its own: the language choice may stick to a client).
            using var inEnglish = await app.SignInAsync(leaderPerson.Email!);
            var english = await inEnglish.GetAsync(Url(p.School) + "?lang=en");
            Assert.Contains("To the next school year", english.Main);
            Assert.Contains("2 groups", english.Find("#preview .groups")!.TextContent);
            Assert.DoesNotContain(app.MissingResources.All, m => m.StartsWith("RolloverText:", StringComparison.Ordinal));

            // Group 7a's teacher keeps their level next year: they do not go along.
            var done = await ConfirmAsync(leader, page, new() { [Field(page, p.G7.Id, "carryTeachers")] = "false" });

            Assert.Equal(HttpStatusCode.OK, done.Status);
            Assert.NotNull(done.Find(".notice[role=status]"));
            Assert.Equal("Done", done.Find("#state")!.GetAttribute("data-state"));
            Assert.Equal(2, Count(done, "#last dd.groups"));
            Assert.Equal(3, Count(done, "#last dd.students"));
            Assert.Equal(2, Count(done, "#last dd.leavers"));
            Assert.Equal(1, Count(done, "#last dd.staff"));
            Assert.Equal(2, done.FindAll("#last-leavers li").Count());
            Assert.Equal(["Groep 6 (2 leerlingen)", "groep 8a (1 leerling)"], done.FindAll("#new-groups li").Select(li => li.TextContent.Trim()));
        });

        var next = await NextYearAsync(app, p.School.Id);
        Assert.Equal(["Groep 6", "groep 8a"], next.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, next["Groep 6"].Level);
        Assert.Equal(new[] { p.Children[0].Id, p.Children[1].Id }.Order(), next["Groep 6"].Students);
        Assert.Equal(8, next["groep 8a"].Level);
        Assert.Equal([p.Children[2].Id], next["groep 8a"].Students);
        Assert.Equal([$"{p.T5.Id}:GroupTeacher:Groep 6"], await NextYearLeadsAsync(app, p.School.Id));
        await app.WithDbAsync(async db =>
        {
            // The same student records: the timeline runs on across the years.
            Assert.Equal(5, await db.Students.CountAsync(s => s.SchoolId == p.School.Id));
            var leavers = await db.Leavers.Where(l => l.SchoolId == p.School.Id).ToListAsync();
            Assert.Equal(new[] { p.Children[3].Id, p.Children[4].Id }.Order(), leavers.Select(l => l.StudentId).Order());
            Assert.All(leavers, l => Assert.Equal(p.School.Year.Id, l.SchoolYearId));
            var year = await db.SchoolYears.SingleAsync(y => y.SchoolId == p.School.Id && y.Name == NextYear);
            Assert.Equal((new DateOnly(2027, 8, 1), new DateOnly(2028, 7, 31)), (year.StartsOn, year.EndsOn));
        });
        // Last year is as it was: only rows of the new year (and the rollover's own) were added.
        var after = await SnapshotAsync(app, p.School.Id);
        Assert.All(before.Split('\n').Where(l => !l.StartsWith("leavers", StringComparison.Ordinal) && !l.StartsWith("rollovers", StringComparison.Ordinal)),
            line => Assert.Contains(line, after.Split('\n')));
    }

    [Fact]
    public async Task A_secondary_school_takes_its_highest_year_as_final_and_the_leader_marks_a_shorter_track_and_renames_a_class()
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var c1 = await school.GroupAsync("1A", 1);
        var c2 = await school.GroupAsync("2B", 2);
        var m4 = await school.GroupAsync("4M", 4);
        var h5 = await school.GroupAsync("5H", 5);
        var first = await school.StudentAsync(c1);
        var second = await school.StudentAsync(c2);
        var mavo = await school.StudentAsync(m4);
        var havo = await school.StudentAsync(h5);
        var mentor = await school.StaffAsync(StaffRole.Mentor, c2);
        await AtAsync(app, June, async () =>
        {
            var (_, leader) = await LeaderAsync(app, school);
            var page = await leader.GetAsync(Url(school));
            Assert.Equal("5", page.Find("#finalLevel")!.GetAttribute("value"));
            Assert.True(Leaves(page, h5.Id));
            Assert.False(Leaves(page, m4.Id));
            Assert.Equal("3B", NewName(page, c2.Id));

            // The final level is the leader's to change: at 4 both the mavo and the havo class leave.
            var four = await leader.GetAsync(Url(school) + "?finalLevel=4");
            Assert.True(Leaves(four, m4.Id) && Leaves(four, h5.Id));

            // At 5, the mavo class is ticked as leaving and 1A gets another name; the preview shows it before anything is saved.
            var choices = new Dictionary<string, string> { [Field(page, m4.Id, "leaves")] = "true", [Field(page, c1.Id, "newName")] = "2 Alfa" };
            var preview = await SendPlanAsync(leader, page, confirm: false, choices);
            Assert.True(Leaves(preview, m4.Id));
            Assert.Equal("2 Alfa", NewName(preview, c1.Id));
            Assert.Equal(2, preview.FindAll("#leavers li").Count());
            Assert.False(await app.WithDbAsync(db => db.SchoolYears.AnyAsync(y => y.SchoolId == school.Id && y.Name == NextYear)));

            var done = await ConfirmAsync(leader, preview);
            Assert.Equal("Done", done.Find("#state")!.GetAttribute("data-state"));
        });

        var next = await NextYearAsync(app, school.Id);
        Assert.Equal(["2 Alfa", "3B"], next.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([first.Id], next["2 Alfa"].Students);
        Assert.Equal(3, next["3B"].Level);
        Assert.Equal([second.Id], next["3B"].Students);
        Assert.Equal([$"{mentor.Id}:Mentor:3B"], await NextYearLeadsAsync(app, school.Id));
        var leavers = await app.WithDbAsync(db => db.Leavers.Where(l => l.SchoolId == school.Id).Select(l => l.StudentId).ToListAsync());
        Assert.Equal(new[] { mavo.Id, havo.Id }.Order(), leavers.Order());
    }

    [Fact]
    public async Task Two_confirmations_at_once_and_a_third_later_leave_one_new_year()
    {
        var p = await PrimaryAsync();
        await AtAsync(app, June, async () =>
        {
            var (leader, one) = await LeaderAsync(app, p.School);
            using var two = await app.SignInAsync(leader.Email!);
            var pageOne = await one.GetAsync(Url(p.School));
            var pageTwo = await two.GetAsync(Url(p.School));

            var results = await Task.WhenAll(ConfirmAsync(one, pageOne), ConfirmAsync(two, pageTwo));
            var third = await ConfirmAsync(one, pageOne);

            Assert.All(results.Append(third), r =>
            {
                Assert.Equal(HttpStatusCode.OK, r.Status);
                Assert.Equal("Done", r.Find("#state")!.GetAttribute("data-state"));
            });
        });
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.SchoolYears.CountAsync(y => y.SchoolId == p.School.Id && y.Name == NextYear));
            Assert.Equal(1, await db.YearRollovers.CountAsync(r => r.SchoolId == p.School.Id));
            Assert.Equal(2, await db.Leavers.CountAsync(l => l.SchoolId == p.School.Id));
        });
        var next = await NextYearAsync(app, p.School.Id);
        Assert.Equal(3, next.Values.Sum(g => g.Students.Count));
        Assert.Equal(2, next.Count);
    }

    [Fact]
    public async Task Six_confirmations_at_once_school_after_school_each_answer_that_the_year_was_rolled_over()
    {
        // A loser that read the school's state while the winner committed once saw next year's groups without the
        // winner's rollover and was told "next year already has groups" (a 400): rare with two, frequent with six.
        var refused = new List<string>();
        for (var round = 0; round < 6; round++)
        {
            var school = await app.World.SchoolAsync();
            await school.StudentAsync(await school.GroupAsync("Groep 5", 5), "Anna");
            await school.StudentAsync(await school.GroupAsync("Groep 8", 8), "Dirk");
            await AtAsync(app, June, async () =>
            {
                var (leader, first) = await LeaderAsync(app, school);
                List<AppClient> clients = [first];
                for (var i = 1; i < 6; i++)
                {
                    clients.Add(await app.SignInAsync(leader.Email!));
                }
                var pages = new List<Page>();
                foreach (var client in clients)
                {
                    pages.Add(await client.GetAsync(Url(school)));
                }
                var results = await Task.WhenAll(clients.Select((client, i) => ConfirmAsync(client, pages[i])));
                refused.AddRange(results.Where(r => r.Status != HttpStatusCode.OK || r.Find("#state")?.GetAttribute("data-state") != "Done")
                    .Select(r => $"{r.Status}: {string.Join("; ", r.Errors)}"));
                clients.ForEach(c => c.Dispose());
            });
            Assert.Equal(1, await app.WithDbAsync(db => db.YearRollovers.CountAsync(r => r.SchoolId == school.Id)));
        }
        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_run_that_dies_halfway_leaves_nothing_and_the_next_run_completes()
    {
        var p = await PrimaryAsync();
        var checkpoints = app.Services.GetRequiredService<RolloverCheckpoints>();
        await AtAsync(app, June, async () =>
        {
            var (_, leader) = await LeaderAsync(app, p.School);
            var page = await leader.GetAsync(Url(p.School));
            var before = await SnapshotAsync(app, p.School.Id);
            checkpoints.Reached = step => step == RolloverStep.StudentsSaved
                ? throw new InvalidOperationException("Test: the instance dies after saving the students.")
                : Task.CompletedTask;
            Page died;
            try
            {
                died = await ConfirmAsync(leader, page);
            }
            finally
            {
                checkpoints.Reached = null;
            }
            Assert.Equal(HttpStatusCode.InternalServerError, died.Status);
            Assert.Equal(before, await SnapshotAsync(app, p.School.Id));

            var again = await leader.GetAsync(Url(p.School));
            Assert.Equal("Open", again.Find("#state")!.GetAttribute("data-state"));
            var done = await ConfirmAsync(leader, again);
            Assert.Equal("Done", done.Find("#state")!.GetAttribute("data-state"));
        });
        Assert.Equal(3, (await NextYearAsync(app, p.School.Id)).Values.Sum(g => g.Students.Count));
    }

    [Fact]
    public async Task A_confirmation_on_a_preview_older_than_the_schools_data_is_refused_and_shows_the_new_preview()
    {
        var p = await PrimaryAsync();
        await AtAsync(app, June, async () =>
        {
            var (_, leader) = await LeaderAsync(app, p.School);
            var page = await leader.GetAsync(Url(p.School));
            await p.School.StudentAsync(p.G5, "Fleur");
            var before = await SnapshotAsync(app, p.School.Id);

            var refused = await ConfirmAsync(leader, page);

            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.NotEmpty(refused.Errors);
            Assert.Contains("3 leerlingen", refused.Find($"#carried li[data-group='{p.G5.Id}']")!.TextContent);
            Assert.Equal(before, await SnapshotAsync(app, p.School.Id));
        });
    }

    [Fact]
    public async Task Before_April_the_preview_shows_but_nothing_rolls_over()
    {
        var p = await PrimaryAsync();
        var (_, leader) = await LeaderAsync(app, p.School);
        var page = await leader.GetAsync(Url(p.School));
        Assert.Equal("NotYetOpen", page.Find("#state")!.GetAttribute("data-state"));
        Assert.Null(page.Find("#confirm-button"));
        Assert.Equal("Groep 6", NewName(page, p.G5.Id));
        var before = await SnapshotAsync(app, p.School.Id);

        var token = page.Find("#plan input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await leader.PostAsync($"{Url(p.School)}?handler=Confirm", [new("__RequestVerificationToken", token), new("sure", "true"),
            new("stamp", page.Find("#plan input[name=stamp]")!.GetAttribute("value")!)]);

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.NotEmpty(forged.Errors);
        Assert.Equal(before, await SnapshotAsync(app, p.School.Id));
    }

    [Fact]
    public async Task Without_ticking_that_the_preview_was_checked_nothing_rolls_over()
    {
        var p = await PrimaryAsync();
        await AtAsync(app, June, async () =>
        {
            var (_, leader) = await LeaderAsync(app, p.School);
            var page = await leader.GetAsync(Url(p.School));
            var before = await SnapshotAsync(app, p.School.Id);
            var refused = await SendPlanAsync(leader, page, confirm: true);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(refused.FindAll(".error-summary a"), a => a.GetAttribute("href") == "#sure");
            Assert.Equal(before, await SnapshotAsync(app, p.School.Id));
        });
    }

    [Fact]
    public async Task Another_schools_leader_a_teacher_and_a_parent_cannot_see_or_run_the_rollover()
    {
        var p = await PrimaryAsync();
        var other = await app.World.SchoolAsync();
        var parent = await p.School.GuardianAsync([p.Children[0]]);
        await AtAsync(app, June, async () =>
        {
            var (_, leader) = await LeaderAsync(app, p.School);
            var page = await leader.GetAsync(Url(p.School));
            var before = await SnapshotAsync(app, p.School.Id);
            var (_, otherLeader) = await LeaderAsync(app, other);
            using var teacher = await app.SignInAsync(p.T5.Email!);
            using var guardian = await app.SignInAsync(parent.Email!);
            foreach (var client in new[] { otherLeader, teacher, guardian })
            {
                Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(Url(p.School)));
                var token = await client.TokenAsync("/language");
                var values = AppClient.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)page.Find("form#plan")!)
                    .Where(v => v.Key != "__RequestVerificationToken").Append(new("__RequestVerificationToken", token)).Append(new("sure", "true"));
                var refused = await client.PostAsync($"{Url(p.School)}?handler=Confirm", values);
                Assert.Equal(HttpStatusCode.NotFound, refused.Status);
                var days = await client.PostAsync($"{Url(p.School)}?handler=ReadDays", [new("__RequestVerificationToken", token), new("readDays", "365")]);
                Assert.Equal(HttpStatusCode.NotFound, days.Status);
            }
            Assert.Equal(before, await SnapshotAsync(app, p.School.Id));
            Assert.Null(await app.WithDbAsync(db => db.Schools.Where(s => s.Id == p.School.Id).Select(s => s.LastYearReadDays).SingleAsync()));
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RolloverTests_Sqlite(SqliteApp app) : RolloverTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class RolloverTests_Postgres(PostgresApp app) : RolloverTests(app);

/// <summary>Next year's names of groups carried forward.</summary>
public sealed class GroupNamesTests
{
    [Theory]
    [InlineData("Groep 5", 5, "Groep 6")]
    [InlineData("2B", 2, "3B")]
    [InlineData("groep 7a", 7, "groep 8a")]
    [InlineData("H4a", 4, "H5a")]
    [InlineData("Groep 5/6", 5, "Groep 6/7")]
    [InlineData("Groep 1-2", 1, "Groep 2-3")]
    [InlineData("Klas 3 (2026)", 3, "Klas 4 (2026)")]
    [InlineData("Kleuters", 1, "Kleuters")]
    [InlineData("Groep 5", null, "Groep 5")]
    public void The_number_that_is_the_level_goes_up(string name, int? level, string next) =>
        Assert.Equal(next, GroupNames.Next(name, level));

    [Fact]
    public void A_group_without_a_level_takes_it_from_its_name() =>
        Assert.Equal(((int?)5, (int?)3, (int?)null), (GroupNames.LevelOf("Groep 5", null), GroupNames.LevelOf("3B", null), GroupNames.LevelOf("Kleuters", null)));
}
