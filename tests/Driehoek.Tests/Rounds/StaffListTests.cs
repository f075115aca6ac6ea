using System.Net;
using System.Text.Json;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Rounds;

/// <summary>
/// The round's staff lists (overview, preparations, letters) at the size of a real school: one group or
/// search at a time, fifty students a page, and never a group or school that is not yours.
/// </summary>
public abstract class StaffListTests(TestApp app)
{
    /// <summary>Group A: 55 students (Kind001…Kind055), its teacher; group B: three, with Zara; a leader; all invited by letter.</summary>
    private sealed record School(SchoolBuilder Builder, Group A, Group B, Person TeacherA, Person Leader, ConversationRound Round)
    {
        public string Overview(string query = "") => $"/rounds/{Round.Id}/overview{query}";
        public string Api(string query = "") => $"/api/v1/rounds/{Round.Id}/overview{query}";
        public string Preparations(string query = "") => $"/rounds/{Round.Id}/preparations{query}";
        public string Letters(string query = "") => $"/rounds/{Round.Id}/letters{query}";
        public IEnumerable<string> Lists(string query) => [Overview(query), Api(query), Preparations(query), Letters(query)];
        public (string List, string Url)[] Pages => [("overview", Overview()), ("preparations", Preparations()), ("letters", Letters())];
    }

    private async Task<School> SchoolAsync()
    {
        var school = await app.World.SchoolAsync();
        var a = await school.GroupAsync(level: 5);
        var b = await school.GroupAsync(level: 6);
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, a);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var round = await school.OpenRoundAsync([a, b]);
        await app.WithDbAsync(async db =>
        {
            var students = Enumerable.Range(1, 55).Select(n => (a, $"Kind{n:000}"))
                .Concat([(b, "Zara"), (b, "Bram"), (b, "Sem")]);
            foreach (var (group, name) in students)
            {
                var student = new Student
                {
                    SchoolId = school.Id, ExternalId = $"{name}-{Guid.NewGuid():N}", FirstName = name, LastName = $"Test{school.Id:N}"[..12],
                    DateOfBirth = new DateOnly(2015, 3, 1),
                };
                var household = new Household { BoardId = school.BoardId };
                db.Students.Add(student);
                db.Households.Add(household);
                db.Enrollments.Add(new Enrollment { SchoolId = school.Id, StudentId = student.Id, GroupId = group.Id, SchoolYearId = school.Year.Id });
                db.RoundInvitations.Add(new RoundInvitation { SchoolId = school.Id, RoundId = round.Id, StudentId = student.Id, HouseholdId = household.Id });
            }
            await db.SaveChangesAsync();
        });
        return new School(school, a, b, teacher, leader, round);
    }

    private static IEnumerable<string> Names(Page page, string list) => list switch
    {
        "overview" => page.FindAll("section table tbody th[scope=row]").Select(e => e.TextContent),
        "preparations" => page.FindAll("table.list tbody th[scope=row]").Select(e => e.TextContent),
        _ => page.FindAll("article.letter h2 + p").Select(e => e.TextContent),
    };

    private static async Task<JsonElement> JsonAsync(AppClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_teacher_lands_on_their_group_and_pages_through_it_fifty_at_a_time()
    {
        var s = await SchoolAsync();
        using var teacher = await app.SignInAsync(s.TeacherA.Email!);

        foreach (var (list, url) in s.Pages)
        {
            var first = await teacher.GetAsync(url);
            Assert.Equal(50, Names(first, list).Count());
            Assert.Contains("Kind001", Names(first, list).First(), StringComparison.Ordinal);
            Assert.Null(first.Find("a[rel=prev]"));
            Assert.Contains("1 tot en met 50 van 55", first.Find(".pager [role=status]")!.TextContent, StringComparison.Ordinal);

            var second = await teacher.GetAsync(first.Find("a[rel=next]")!.GetAttribute("href")!);
            Assert.Equal(5, Names(second, list).Count());
            Assert.Contains("Kind051", Names(second, list).First(), StringComparison.Ordinal);
            Assert.Null(second.Find("a[rel=next]"));
            Assert.NotNull(second.Find("a[rel=prev]"));
            Assert.DoesNotContain(Names(second, list), n => n.Contains("Zara", StringComparison.Ordinal));
        }
        var counts = (await teacher.GetAsync(s.Overview("?page=2"))).Find($"table.counts tr[data-group='{s.A.Id}'] [data-count=students]");
        Assert.Equal("55", counts!.TextContent);

        var api = await JsonAsync(teacher, s.Api("?page=2&pageSize=20"));
        Assert.Equal((55, 2, 20), (api.GetProperty("list").GetProperty("total").GetInt32(), api.GetProperty("list").GetProperty("page").GetInt32(),
            api.GetProperty("list").GetProperty("pageSize").GetInt32()));
        var students = api.GetProperty("groups")[0].GetProperty("students");
        Assert.Equal(20, students.GetArrayLength());
        Assert.StartsWith("Kind021", students[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(55, api.GetProperty("counts").GetProperty("students").GetInt32());
        var capped = await JsonAsync(teacher, s.Api($"?pageSize=100000&group={s.A.Id}"));
        Assert.Equal(StudentListFilter.MaxPageSize, capped.GetProperty("list").GetProperty("pageSize").GetInt32());
        Assert.Equal(55, capped.GetProperty("groups")[0].GetProperty("students").GetArrayLength());
    }

    [Fact]
    public async Task A_leader_picks_a_group_or_searches_and_never_gets_the_whole_school_on_one_page()
    {
        var s = await SchoolAsync();
        using var leader = await app.SignInAsync(s.Leader.Email!);

        foreach (var (list, url) in s.Pages)
        {
            var landing = await leader.GetAsync(url);
            Assert.Empty(Names(landing, list));
            var choices = landing.FindAll(".group-choices a").ToList();
            Assert.Equal(new[] { s.A.Id.ToString(), s.B.Id.ToString() }, choices.Select(a => a.GetAttribute("data-group")!));
            Assert.NotNull(landing.Find($"select#group option[value='{s.B.Id}']"));
            Assert.NotNull(landing.Find("label[for=search]"));

            var groupB = await leader.GetAsync(choices[1].GetAttribute("href")!);
            var inB = Names(groupB, list).ToList();
            Assert.Equal(3, inB.Count);
            Assert.All(new[] { "Bram", "Sem", "Zara" }, name => Assert.Contains(inB, n => n.Contains(name, StringComparison.Ordinal)));

            var found = await leader.GetAsync(url + "?search=zAr");
            Assert.Contains("Zara", Assert.Single(Names(found, list)), StringComparison.Ordinal);
            var within = await leader.GetAsync(url + $"?group={s.A.Id}&search=kind05");
            Assert.Equal(6, Names(within, list).Count());
            Assert.NotNull((await leader.GetAsync(url + "?search=nobody")).Find(".empty"));
        }
        var api = await JsonAsync(leader, s.Api());
        Assert.Equal(0, api.GetProperty("groups").GetArrayLength());
        Assert.Equal(2, api.GetProperty("list").GetProperty("groups").GetArrayLength());
        Assert.Equal(55, api.GetProperty("list").GetProperty("groups")[0].GetProperty("students").GetInt32());
        var searched = await JsonAsync(leader, s.Api("?search=Kind0&pageSize=10&page=6"));
        Assert.Equal((55, 6), (searched.GetProperty("list").GetProperty("total").GetInt32(), searched.GetProperty("list").GetProperty("page").GetInt32()));
        Assert.Equal(5, searched.GetProperty("groups")[0].GetProperty("students").GetArrayLength());
    }

    [Fact]
    public async Task A_group_teacher_cannot_filter_to_another_group_or_find_its_students()
    {
        var s = await SchoolAsync();
        using var teacher = await app.SignInAsync(s.TeacherA.Email!);

        foreach (var url in s.Lists($"?group={s.B.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync(url));
        }
        foreach (var url in s.Lists($"?group={Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync(url));
        }
        var search = await teacher.GetAsync(s.Overview("?search=zara"));
        Assert.DoesNotContain("Zara", search.Main, StringComparison.Ordinal);
        Assert.NotNull(search.Find(".empty"));
        Assert.Equal(0, (await JsonAsync(teacher, s.Api("?search=zara"))).GetProperty("list").GetProperty("total").GetInt32());
        Assert.DoesNotContain(s.B.Id.ToString(), (await teacher.GetAsync(s.Preparations())).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_never_sees_another_schools_rows_on_any_page_of_these_lists()
    {
        var s = await SchoolAsync();
        var other = await SchoolAsync();
        using var leader = await app.SignInAsync(s.Leader.Email!);

        foreach (var url in new[] { s.Overview(), s.Api(), s.Preparations(), s.Letters() }.Select(u => u + $"?group={other.A.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync(url));
        }
        foreach (var url in other.Lists($"?group={other.A.Id}").Concat(other.Lists("")).Concat(other.Lists("?search=zara")))
        {
            Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync(url));
        }
        var otherIds = await app.WithDbAsync(db => db.Enrollments.Where(e => e.SchoolId == other.Builder.Id).Select(e => e.StudentId.ToString()).ToListAsync());
        for (var page = 1; page <= 3; page++)
        {
            foreach (var url in new[] { s.Overview(), s.Api(), s.Preparations(), s.Letters("?all=true") })
            {
                var html = (await leader.GetAsync(url + (url.Contains('?') ? "&" : "?") + $"search=kind&page={page}")).Html;
                Assert.DoesNotContain(otherIds, id => html.Contains(id, StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(other.A.Id.ToString(), html, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Everyone_of_the_groups_one_may_see_is_a_csv_download_not_a_page()
    {
        var s = await SchoolAsync();
        var other = await SchoolAsync();
        using var leader = await app.SignInAsync(s.Leader.Email!);
        using var teacher = await app.SignInAsync(s.TeacherA.Email!);

        var all = await leader.Http.GetAsync(s.Overview("?handler=Csv"));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("text/csv", all.Content.Headers.ContentType!.MediaType);
        var lines = (await all.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 58, lines.Length);
        Assert.StartsWith("Groep;Leerling", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Zara", StringComparison.Ordinal) && l.Contains("niet bereikt", StringComparison.Ordinal));
        var own = await (await teacher.Http.GetAsync(s.Overview("?handler=Csv"))).Content.ReadAsStringAsync();
        Assert.Equal(1 + 55, own.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("Zara", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync(other.Overview("?handler=Csv")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffListTests_Sqlite(SqliteApp app) : StaffListTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class StaffListTests_Postgres(PostgresApp app) : StaffListTests(app);
