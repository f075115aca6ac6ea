using System.Net;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Coverage;

/// <summary>
/// The coverage of the cycle: one group's families in every state of a progress round, counted on the school page,
/// listed with their language on the group page, side by side on the board page, and closed to those it is not for.
/// </summary>
public abstract class CoverageTests(TestApp app)
{
    private sealed record Families(SchoolBuilder School, Group Group, Person Teacher, Person Leader, ConversationRound Round,
        Dictionary<string, Person> Children);

    /// <summary>
    /// Six children of one group in a progress round: Came (student present), NoShow, Booked, NotBooked (letter printed),
    /// NotReached without e-mail (Polish), NotReached with e-mail but no invitation sent (Turkish).
    /// </summary>
    private async Task<Families> FamiliesAsync()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var round = await school.OpenRoundAsync([group]);
        var children = new Dictionary<string, Person>();
        var setup = new (string Key, string Language, bool Email, BookingStatus? Booking, bool Emailed, bool Printed)[]
        {
            ("came", "nl", true, BookingStatus.Held, true, false),
            ("noshow", "tr", true, BookingStatus.NoShow, true, false),
            ("booked", "pl", true, BookingStatus.Booked, true, false),
            ("notbooked", "ar", false, null, false, true),
            ("unreached", "pl", false, null, false, false),
            ("unsent", "tr", true, null, false, false),
        };
        foreach (var s in setup)
        {
            var child = await school.StudentAsync(group, firstName: s.Key);
            var parent = await school.GuardianAsync([child], login: false, language: s.Language);
            children[s.Key] = child;
            await app.WithDbAsync(async db =>
            {
                var guardian = await db.Guardians.SingleAsync(g => g.Id == parent.Id);
                if (!s.Email)
                {
                    guardian.Email = null;
                }
                var household = guardian.HouseholdId!.Value;
                if (s.Emailed || s.Printed)
                {
                    db.RoundInvitations.Add(new RoundInvitation
                    {
                        SchoolId = school.Id, RoundId = round.Id, StudentId = child.Id, HouseholdId = household, CreatedAt = TestClock.Start.UtcDateTime,
                        EmailedAt = s.Emailed ? TestClock.Start.UtcDateTime : null, PrintedAt = s.Printed ? TestClock.Start.UtcDateTime : null,
                    });
                }
                if (s.Booking is { } status)
                {
                    var at = new DateTime(2026, 11, 17, 18, 0, 0, DateTimeKind.Utc);
                    db.Bookings.Add(new Booking
                    {
                        SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teacher.Id, StudentId = child.Id, HouseholdId = household,
                        BookedByUserId = Guid.NewGuid(), StartsAt = at, EndsAt = at.AddMinutes(10), Status = status,
                        StudentPresent = status == BookingStatus.Held ? true : null, CreatedAt = TestClock.Start.UtcDateTime,
                    });
                }
                await db.SaveChangesAsync();
            });
        }
        return new Families(school, group, teacher, leader, round, children);
    }

    private static string SchoolUrl(Families f) => $"/school/{f.School.Id}/coverage?kind=Progress";

    private static string GroupUrl(Families f) => $"/school/{f.School.Id}/coverage/{f.Group.Id}?kind=Progress";

    private static string Cell(Page page, string row, string column) =>
        page.Find($"{row} td.{column}")?.TextContent.Trim() ?? throw new InvalidOperationException($"No {column} in {row}.");

    [Fact]
    public async Task The_school_counts_came_no_show_booked_not_booked_and_not_reached_as_different_states()
    {
        var f = await FamiliesAsync();
        using var leader = await app.SignInAsync(f.Leader.Email!);

        var page = await leader.GetAsync(SchoolUrl(f));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = $"#groups tr[data-id='{f.Group.Id}']";
        Assert.Equal(["6", "6"], page.Find(row)!.QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()));
        Assert.Equal("1", Cell(page, row, "came"));
        Assert.Equal("1", Cell(page, row, "present"));
        Assert.Equal("1", Cell(page, row, "no-show"));
        Assert.Equal("1", Cell(page, row, "booked"));
        Assert.Equal("1", Cell(page, row, "not-booked"));
        Assert.Equal("2", Cell(page, row, "not-reached"));
        // Per home language: the two not reached are one Polish and one Turkish family.
        var languages = page.FindAll("#languages tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(),
            r => r.QuerySelector("td.not-reached")!.TextContent.Trim());
        Assert.Equal("1", languages["Polski"]);
        Assert.Equal("1", languages["Türkçe"]);
        Assert.Equal("0", languages["العربية"]);
        Assert.Equal("0", languages["Nederlands"]);

        var english = await leader.GetAsync(SchoolUrl(f) + "&lang=en");
        Assert.Contains("Not reached", english.Main);
        Assert.Contains("Invited, not booked", english.Main);
        await leader.GetAsync(GroupUrl(f) + "&lang=en");
        Assert.DoesNotContain(app.MissingResources.All, m => m.StartsWith("CoverageText:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_group_teacher_sees_the_families_not_reached_with_their_language_and_a_way_to_follow_up()
    {
        var f = await FamiliesAsync();
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var page = await teacher.GetAsync(GroupUrl(f));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.FindAll("#follow-up tbody tr").ToDictionary(r => r.GetAttribute("data-student")!, r => r);
        Assert.Equal(
            new[] { f.Children["noshow"].Id, f.Children["notbooked"].Id, f.Children["unreached"].Id, f.Children["unsent"].Id }.Select(i => i.ToString()).Order(),
            rows.Keys.Order());
        var unreached = rows[f.Children["unreached"].Id.ToString()];
        Assert.Equal("NotReached", unreached.GetAttribute("data-state"));
        Assert.Equal("pl", unreached.QuerySelector("td[lang]")!.GetAttribute("lang"));
        Assert.Equal("NotBooked", rows[f.Children["notbooked"].Id.ToString()].GetAttribute("data-state"));
        Assert.Equal("NoShow", rows[f.Children["noshow"].Id.ToString()].GetAttribute("data-state"));
        // The teacher invites personally (must-see) and prints the letter for a family without e-mail; booking for them is a leader's.
        Assert.NotNull(unreached.QuerySelector($"a[href='/rounds/{f.Round.Id}/must-see']"));
        Assert.NotNull(unreached.QuerySelector($"a[href='/rounds/{f.Round.Id}/letters?group={f.Group.Id}']"));
        Assert.Null(unreached.QuerySelector("a[href*='book-for']"));
        // Whether the student took part shows in the year's list.
        Assert.Contains(page.FindAll($"#families tr[data-student='{f.Children["came"].Id}'] td[data-kind=Progress] .hint"), e => e.TextContent.Length > 0);
        // The school's figures are not the group teacher's.
        Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync(SchoolUrl(f)));
    }

    [Fact]
    public async Task A_leader_follows_up_a_family_not_reached_by_booking_for_it()
    {
        var f = await FamiliesAsync();
        using var leader = await app.SignInAsync(f.Leader.Email!);

        var page = await leader.GetAsync(GroupUrl(f));
        var link = page.Find($"#follow-up tr[data-student='{f.Children["unreached"].Id}'] a[href*='book-for']")!.GetAttribute("href")!;
        Assert.Equal($"/rounds/{f.Round.Id}/book-for?student={f.Children["unreached"].Id}", link);

        var bookFor = await leader.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, bookFor.Status);
        Assert.Contains(f.Children["unreached"].Name, bookFor.Main);
    }

    [Fact]
    public async Task The_teacher_logs_a_call_that_reached_a_family_and_it_is_no_longer_counted_as_not_reached()
    {
        var f = await FamiliesAsync();
        var unreached = f.Children["unreached"].Id;
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var page = await teacher.GetAsync(GroupUrl(f));
        var logged = await teacher.SubmitAsync(page, new() { ["outcome"] = "Reached" }, $"#follow-up tr[data-student='{unreached}'] form.call",
            button: "button[value=Reached]");

        Assert.Equal(HttpStatusCode.OK, logged.Status);
        Assert.NotNull(logged.Find(".notice"));
        var row = logged.Find($"#follow-up tr[data-student='{unreached}']")!;
        Assert.Equal("NotBooked", row.GetAttribute("data-state"));
        Assert.NotNull(row.QuerySelector(".called"));
        var call = await app.WithDbAsync(db => db.FollowUpCalls.SingleAsync(c => c.StudentId == unreached));
        Assert.Equal(f.Round.Id, call.RoundId);
        Assert.Equal(f.Teacher.UserId, call.CalledByUserId);

        // No answer keeps the other family not reached.
        var unsent = f.Children["unsent"].Id;
        var again = await teacher.SubmitAsync(logged, new() { ["outcome"] = "NoAnswer" }, $"#follow-up tr[data-student='{unsent}'] form.call",
            button: "button[value=NoAnswer]");
        Assert.Equal("NotReached", again.Find($"#follow-up tr[data-student='{unsent}']")!.GetAttribute("data-state"));

        // A call about a child of another group, or in a round that does not cover the group, is refused; nothing is logged.
        var otherGroup = await f.School.GroupAsync();
        var otherChild = await f.School.StudentAsync(otherGroup);
        var otherRound = await f.School.OpenRoundAsync([otherGroup]);
        var token = await teacher.TokenAsync(GroupUrl(f));
        var url = $"/school/{f.School.Id}/coverage/{f.Group.Id}?handler=Call";
        var wrongChild = await teacher.PostAsync(url, [new("round", f.Round.Id.ToString()), new("student", otherChild.Id.ToString()),
            new("outcome", "Reached"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongChild.Status);
        Assert.NotEmpty(wrongChild.Errors);
        var wrongRound = await teacher.PostAsync(url, [new("round", otherRound.Id.ToString()), new("student", unsent.ToString()),
            new("outcome", "Reached"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongRound.Status);
        var nonsense = await teacher.PostAsync(url, [new("round", f.Round.Id.ToString()), new("student", unsent.ToString()),
            new("outcome", "Maybe"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.Status);
        // Another group's teacher cannot log a call for this group.
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        using var other = await app.SignInAsync(otherTeacher.Email!);
        var otherToken = await other.TokenAsync($"/school/{f.School.Id}/coverage/{otherGroup.Id}");
        var refused = await other.PostAsync(url, [new("round", f.Round.Id.ToString()), new("student", unsent.ToString()),
            new("household", ""), new("outcome", "Reached"), new("__RequestVerificationToken", otherToken)]);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.FollowUpCalls.CountAsync(c => c.RoundId == f.Round.Id || c.RoundId == otherRound.Id)));
    }

    [Fact]
    public async Task Another_schools_leader_another_groups_teacher_and_a_parent_cannot_open_the_coverage()
    {
        var f = await FamiliesAsync();
        var other = await f.School.GroupAsync();
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, other);
        var parent = await f.School.GuardianAsync([f.Children["came"]]);
        var elsewhere = await app.World.SchoolAsync(boardId: f.School.BoardId);
        var elsewhereLeader = await elsewhere.StaffAsync(StaffRole.SchoolLeader);
        var elsewhereGroup = await elsewhere.GroupAsync();

        using (var client = await app.SignInAsync(otherTeacher.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(GroupUrl(f)));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(SchoolUrl(f)));
            Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/school/{f.School.Id}/coverage/{other.Id}"));
        }
        using (var client = await app.SignInAsync(elsewhereLeader.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(SchoolUrl(f)));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(GroupUrl(f)));
            // Its own school in the address with the other school's group: still not found.
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/school/{elsewhere.Id}/coverage/{f.Group.Id}"));
            Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/school/{elsewhere.Id}/coverage/{elsewhereGroup.Id}"));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/board/{f.School.BoardId}/coverage"));
        }
        using (var client = await app.SignInAsync(parent.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(SchoolUrl(f)));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(GroupUrl(f)));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/board/{f.School.BoardId}/coverage"));
        }
        // Nonsense in the address is a plain answer, never an error.
        using var leader = await app.SignInAsync(f.Leader.Email!);
        Assert.Equal(HttpStatusCode.OK, await leader.StatusAsync($"/school/{f.School.Id}/coverage?kind=Extra"));
        Assert.Equal(HttpStatusCode.OK, await leader.StatusAsync($"/school/{f.School.Id}/coverage?kind=%27x"));
        Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync($"/school/{f.School.Id}/coverage/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task The_board_admin_sees_the_schools_side_by_side()
    {
        var f = await FamiliesAsync();
        var second = await app.World.SchoolAsync(boardId: f.School.BoardId);
        var admin = await app.World.BoardAdminAsync(f.School.BoardId);
        var stranger = await app.World.BoardAdminAsync((await app.World.SchoolAsync()).BoardId);

        using var client = await app.SignInAsync(admin.Email!);
        var page = await client.GetAsync($"/board/{f.School.BoardId}/coverage?kind=Progress");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("2", Cell(page, $"#schools tr[data-id='{f.School.Id}']", "not-reached"));
        Assert.Equal("1", Cell(page, $"#schools tr[data-id='{f.School.Id}']", "came"));
        Assert.Equal("0", Cell(page, $"#schools tr[data-id='{second.Id}']", "came"));
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync(SchoolUrl(f)));
        using var other = await app.SignInAsync(stranger.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync($"/board/{f.School.BoardId}/coverage"));
        Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync(SchoolUrl(f)));
    }

    [Fact]
    public async Task The_school_page_costs_the_same_number_of_queries_for_six_families_as_for_a_hundred_more()
    {
        var f = await FamiliesAsync();
        using var leader = await app.SignInAsync(f.Leader.Email!);
        await leader.GetAsync(SchoolUrl(f));
        var before = await CountAsync();

        for (var g = 0; g < 4; g++)
        {
            var group = await f.School.GroupAsync();
            await BulkFamilies.AddAsync(app, f.School, group, 25, $"Cov{g}", withoutEmailEvery: 3, separated: 2);
            await app.WithDbAsync(async db =>
            {
                db.RoundGroups.Add(new RoundGroup { SchoolId = f.School.Id, RoundId = f.Round.Id, GroupId = group.Id });
                await db.SaveChangesAsync();
            });
        }
        var after = await CountAsync();

        Assert.True(after == before, $"{before} database commands for six families, {after} with a hundred more.");
        var page = await leader.GetAsync(SchoolUrl(f));
        // Four groups of 25 children, two of each with a second household: 108 families more, none invited yet.
        Assert.Equal("110", Cell(page, "#groups tfoot tr", "not-reached"));

        async Task<int> CountAsync()
        {
            var tag = CommandCounts.NewTag();
            _ = CommandCounts.Instance;
            var request = new HttpRequestMessage(HttpMethod.Get, SchoolUrl(f));
            request.Headers.Add(CommandCounts.Header, tag);
            var response = await leader.SendAsync(request, follow: false);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return CommandCounts.Instance.Of(tag);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CoverageTests_Sqlite(SqliteApp app) : CoverageTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class CoverageTests_Postgres(PostgresApp app) : CoverageTests(app);
