using System.Net;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.MustSee;

/// <summary>A teacher marks the families they need to see: each household is invited once, in its language; the overview follows up.</summary>
public abstract class MustSeeTests(TestApp app)
{
    private const string Reason = "Zorgen over het verzuim";

    [Fact]
    public async Task A_teacher_marks_a_family_and_each_household_gets_one_personal_invitation_in_its_language_without_the_reason()
    {
        var f = await app.RoundFamilyAsync(language: "ar");
        var otherHousehold = await f.School.GuardianAsync([f.Child], language: "pl");
        var withoutAuthority = await f.School.GuardianAsync([f.Child], authority: false, language: "tr");
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var marked = await MarkAsync(teacher, f, Reason);

        Assert.Equal("yes", marked.Find($"#s-{f.Child.Id}")?.GetAttribute("data-must-see"));
        Assert.Contains(Reason, marked.Find($"#s-{f.Child.Id}")!.TextContent);
        var arabic = await Mailbox.WaitForAsync(app, f.Parent.Email!, m => m.Subject.Contains(f.Teacher.Name, StringComparison.Ordinal));
        Assert.Contains("يودّ", arabic.Subject);
        Assert.Contains($"/rounds/{f.Round.Id}/invitation?student={f.Child.Id}", arabic.Body);
        Assert.DoesNotContain("verzuim", arabic.Body);
        var polish = await Mailbox.WaitForAsync(app, otherHousehold.Email!, m => m.Subject.Contains(f.Teacher.Name, StringComparison.Ordinal));
        Assert.Contains("prosi o rozmowę", polish.Subject);

        // Taking the mark back and marking again does not tell the family twice; the guardian without authority is not told.
        var unmarked = await teacher.SubmitAsync(await teacher.GetAsync($"/rounds/{f.Round.Id}/must-see"), [], $"#s-{f.Child.Id} form");
        Assert.Equal("no", unmarked.Find($"#s-{f.Child.Id}")?.GetAttribute("data-must-see"));
        await MarkAsync(teacher, f, "Nog een keer");
        Assert.Equal(1, await app.OutboxCountAsync(f.Parent.Email!, f.Teacher.Name));
        Assert.Equal(1, await app.OutboxCountAsync(otherHousehold.Email!, f.Teacher.Name));
        Assert.Equal(0, await app.OutboxCountAsync(withoutAuthority.Email!, f.Teacher.Name));

        using var parent = await app.SignInAsync(f.Parent.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/rounds/{f.Round.Id}/must-see?staff={f.Teacher.Id}"));
        foreach (var url in new[] { "/parent", $"/rounds/{f.Round.Id}/invitation?student={f.Child.Id}", $"/rounds/{f.Round.Id}/book" })
        {
            Assert.DoesNotContain("Nog een keer", (await parent.GetAsync(url)).Html);
        }
    }

    [Fact]
    public async Task The_overview_shows_a_must_see_family_until_it_books_with_that_teacher()
    {
        var f = await app.RoundFamilyAsync();
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        await MarkAsync(teacher, f, null);
        var overviewUrl = $"/rounds/{f.Round.Id}/overview?group={f.Group.Id}";

        Assert.Equal("open", (await teacher.GetAsync(overviewUrl)).Find(".must-see")?.GetAttribute("data-must-see"));
        await f.School.StudentAsync(f.Group, firstName: "Daan");
        Assert.Contains("Daan", (await teacher.GetAsync(overviewUrl)).Find("section table")!.TextContent);
        var filtered = await teacher.GetAsync(overviewUrl + "&mustsee=true");
        Assert.Contains("Noor", filtered.Find("section table")!.TextContent);
        Assert.DoesNotContain("Daan", filtered.Find("section table")!.TextContent);
        Assert.NotNull((await teacher.GetAsync($"/rounds/{f.Round.Id}/must-see?open=true")).Find($"#s-{f.Child.Id}"));

        using var parent = await app.SignInAsync(f.Parent.Email!);
        await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);

        Assert.Equal("booked", (await teacher.GetAsync(overviewUrl)).Find(".must-see")?.GetAttribute("data-must-see"));
        Assert.NotNull((await teacher.GetAsync(overviewUrl + "&mustsee=true")).Find("[data-must-see-open=none]"));
        Assert.Null((await teacher.GetAsync($"/rounds/{f.Round.Id}/must-see?open=true")).Find($"#s-{f.Child.Id}"));
        Assert.Equal("yes", (await teacher.GetAsync($"/rounds/{f.Round.Id}/must-see")).Find($"#s-{f.Child.Id}")?.GetAttribute("data-booked"));
    }

    [Fact]
    public async Task The_overview_download_and_the_api_say_who_must_be_seen_and_whether_they_booked()
    {
        var f = await app.RoundFamilyAsync();
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        await MarkAsync(teacher, f, Reason);

        var open = await CsvLineAsync(teacher, f);
        Assert.Contains($"{f.Teacher.Name} (nog niet ingepland)", open);
        Assert.StartsWith("Groep;", (await (await teacher.Http.GetAsync($"/rounds/{f.Round.Id}/overview?handler=Csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        var (status, api) = await teacher.GetJsonAsync<System.Text.Json.JsonElement>($"/api/v1/rounds/{f.Round.Id}/overview?group={f.Group.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        var family = api.GetProperty("groups")[0].GetProperty("students").EnumerateArray()
            .Single(s => s.GetProperty("id").GetGuid() == f.Child.Id).GetProperty("families")[0];
        var mark = Assert.Single(family.GetProperty("mustSee").EnumerateArray());
        Assert.Equal((f.Teacher.Id, false), (mark.GetProperty("staffMemberId").GetGuid(), mark.GetProperty("booked").GetBoolean()));
        Assert.DoesNotContain(Reason, api.GetRawText());

        using var parent = await app.SignInAsync(f.Parent.Email!);
        await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        var booked = await CsvLineAsync(teacher, f);
        Assert.Contains($"{f.Teacher.Name} (ingepland)", booked);
        Assert.DoesNotContain(Reason, booked);
    }

    private static async Task<string> CsvLineAsync(AppClient teacher, RoundFamily f)
    {
        var csv = await (await teacher.Http.GetAsync($"/rounds/{f.Round.Id}/overview?handler=Csv")).Content.ReadAsStringAsync();
        return csv.Split("\r\n").Single(l => l.Contains("Noor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_groups_teacher_another_school_and_a_parent_cannot_mark_but_the_schools_leader_can_for_the_teacher()
    {
        var f = await app.RoundFamilyAsync();
        var otherGroupTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, await f.School.GroupAsync());
        var otherLeader = await (await app.World.SchoolAsync()).StaffAsync(StaffRole.SchoolLeader);
        var leader = await f.School.StaffAsync(StaffRole.SchoolLeader);
        var url = $"/rounds/{f.Round.Id}/must-see?staff={f.Teacher.Id}";

        foreach (var who in new[] { otherGroupTeacher.Email!, otherLeader.Email!, f.Parent.Email! })
        {
            using var client = await app.SignInAsync(who);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(url));
            var token = await client.TokenAsync("/language");
            var post = await client.PostAsync($"/rounds/{f.Round.Id}/must-see?handler=Mark&staff={f.Teacher.Id}",
                [new("student", f.Child.Id.ToString()), new("__RequestVerificationToken", token)], follow: false);
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
        }
        using (var other = await app.SignInAsync(otherGroupTeacher.Email!))
        {
            // Their own list has no child of another group, and marking one there is not found either.
            var own = await other.GetAsync($"/rounds/{f.Round.Id}/must-see");
            Assert.Null(own.Find($"#s-{f.Child.Id}"));
            var post = await other.PostAsync($"/rounds/{f.Round.Id}/must-see?handler=Mark",
                [new("student", f.Child.Id.ToString()), new("__RequestVerificationToken", await other.TokenAsync("/language"))], follow: false);
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.MustSeeMarks.CountAsync(m => m.RoundId == f.Round.Id)));

        using var staff = await app.SignInAsync(leader.Email!);
        var page = await staff.GetAsync(url);
        await staff.SubmitAsync(page, new() { ["reason"] = Reason }, $"#s-{f.Child.Id} form");
        var mark = await app.WithDbAsync(db => db.MustSeeMarks.SingleAsync(m => m.RoundId == f.Round.Id));
        Assert.Equal((f.Teacher.Id, f.Child.Id, Reason, leader.UserId), (mark.StaffMemberId, mark.StudentId, mark.Reason, (Guid?)mark.MarkedByUserId));
    }

    [Fact]
    public async Task A_family_marked_before_publication_is_invited_when_the_round_is_published()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var child = await school.StudentAsync(group);
        var parent = await school.GuardianAsync([child]);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var round = await school.OpenRoundAsync([group], status: RoundStatus.Draft);
        using var client = await app.SignInAsync(teacher.Email!);

        var marked = await client.SubmitAsync(await client.GetAsync($"/rounds/{round.Id}/must-see"), [], $"#s-{child.Id} form");
        Assert.Equal("yes", marked.Find($"#s-{child.Id}")?.GetAttribute("data-must-see"));
        Assert.Equal(0, await app.OutboxCountAsync(parent.Email!, teacher.Name));

        using var lead = await app.SignInAsync(leader.Email!);
        await InvitationScenario.UntilPublishedAsync(lead, await lead.SubmitAsync(await lead.GetAsync($"/rounds/{round.Id}"), [], "form[action*='handler=Publish']"));
        var mail = await Mailbox.WaitForAsync(app, parent.Email!, m => m.Subject.Contains(teacher.Name, StringComparison.Ordinal));
        Assert.Contains("wil u graag spreken", mail.Subject);
        Assert.Equal(1, await app.OutboxCountAsync(parent.Email!, teacher.Name));
    }

    private static async Task<Page> MarkAsync(AppClient teacher, RoundFamily f, string? reason)
    {
        var page = await teacher.GetAsync($"/rounds/{f.Round.Id}/must-see");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await teacher.SubmitAsync(page, reason is null ? [] : new() { ["reason"] = reason }, $"#s-{f.Child.Id} form");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MustSeeTests_Sqlite(SqliteApp app) : MustSeeTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class MustSeeTests_Postgres(PostgresApp app) : MustSeeTests(app);
