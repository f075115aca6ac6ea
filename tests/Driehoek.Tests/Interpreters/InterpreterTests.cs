using System.Net;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Interpreters;

/// <summary>A leader assigns interpreters to the meetings that asked for one; never one interpreter at two meetings at once.</summary>
public abstract class InterpreterTests(TestApp app)
{
    private sealed record Evening(SchoolBuilder School, Person Leader, Person TeacherB, Person ParentA, Guid BookingA, Guid BookingB, Guid RoundId);

    /// <summary>Two families, each with its own teacher at 19:00 on the same evening, both asking for an Arabic interpreter.</summary>
    private async Task<Evening> EveningAsync()
    {
        var school = await app.World.SchoolAsync();
        var (groupA, groupB) = (await school.GroupAsync(), await school.GroupAsync());
        var (teacherA, teacherB) = (await school.StaffAsync(StaffRole.GroupTeacher, groupA), await school.StaffAsync(StaffRole.GroupTeacher, groupB));
        var (childA, childB) = (await school.StudentAsync(groupA), await school.StudentAsync(groupB));
        var parentA = await school.GuardianAsync([childA], language: "ar");
        var parentB = await school.GuardianAsync([childB]);
        var round = await school.OpenRoundAsync([groupA, groupB]);
        var (slotsA, slotsB) = (await school.SlotsAsync(round, teacherA, 3), await school.SlotsAsync(round, teacherB, 3));
        using var a = await app.SignInAsync(parentA.Email!);
        using var b = await app.SignInAsync(parentB.Email!);
        var bookingA = await a.BookAsync(round.Id, childA.Id, slotsA[0].Id, interpreter: "Arabisch");
        var bookingB = await b.BookAsync(round.Id, childB.Id, slotsB[0].Id, interpreter: "Arabisch");
        return new Evening(school, await school.StaffAsync(StaffRole.SchoolLeader), teacherB, parentA, bookingA, bookingB, round.Id);
    }

    [Fact]
    public async Task An_interpreter_is_assigned_once_an_overlapping_meeting_is_refused_and_the_family_reads_only_the_language()
    {
        var e = await EveningAsync();
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var url = $"/rounds/{e.RoundId}/interpreters";
        var page = await leader.GetAsync(url);
        Assert.Equal(2, page.FindAll("tr[data-assigned=no]").Count());

        page = await leader.SubmitAsync(page, new() { ["Name"] = "Samira Haddad", ["Organisation"] = "Tolkcentrum Noord" }, "form[action*='handler=Add']");
        var samira = OptionFor(page, e.BookingA, "Samira Haddad");
        page = await leader.SubmitAsync(page, new() { ["interpreter"] = samira }, $"#b-{e.BookingA} form");
        Assert.Equal("yes", page.Find($"#b-{e.BookingA}")?.GetAttribute("data-assigned"));

        var refused = await leader.SubmitAsync(page, new() { ["interpreter"] = samira }, $"#b-{e.BookingB} form");
        Assert.Contains(refused.Errors, m => m.Contains("al bij een ander gesprek", StringComparison.Ordinal));
        Assert.Equal("no", refused.Find($"#b-{e.BookingB}")?.GetAttribute("data-assigned"));
        Assert.Equal(1, await app.WithDbAsync(db => db.InterpreterAssignments.CountAsync(x => x.RoundId == e.RoundId)));

        // A colleague as interpreter: not while they hold a conversation of their own.
        page = await leader.SubmitAsync(page, new() { ["StaffMemberId"] = e.TeacherB.Id.ToString() }, "form[action*='handler=Add']");
        var colleague = await leader.SubmitAsync(page, new() { ["interpreter"] = OptionFor(page, e.BookingA, e.TeacherB.Name) }, $"#b-{e.BookingA} form");
        Assert.NotEmpty(colleague.Errors);
        Assert.Contains("1", (await leader.GetAsync(url)).Find("[data-count=unassigned]")!.TextContent);

        var notice = await Mailbox.WaitForAsync(app, e.ParentA.Email!, m => m.Body.Contains("سيحضر مترجم", StringComparison.Ordinal));
        Assert.Contains("Arabisch", notice.Body);
        Assert.DoesNotContain("Samira", notice.Body);
        Assert.Equal(1, Mailbox.All(app).Count(m => m.To.Contains(e.ParentA.Email!, StringComparison.OrdinalIgnoreCase) && m.Body.Contains("سيحضر مترجم", StringComparison.Ordinal)));

        using var family = await app.SignInAsync(e.ParentA.Email!);
        var booking = await family.GetAsync($"/bookings/{e.BookingA}");
        Assert.Contains("سيحضر مترجم", booking.Find("[data-interpreter]")!.TextContent);
        Assert.DoesNotContain("Samira", booking.Html);
        Assert.DoesNotContain("Tolkcentrum", booking.Html);
        Assert.Null((await family.GetAsync($"/bookings/{e.BookingB}")).Find("[data-interpreter]"));
    }

    [Fact]
    public async Task Another_schools_leader_and_a_teacher_cannot_see_or_assign_interpreters()
    {
        var e = await EveningAsync();
        var otherLeader = await (await app.World.SchoolAsync()).StaffAsync(StaffRole.SchoolLeader);
        foreach (var who in new[] { otherLeader.Email!, e.TeacherB.Email!, e.ParentA.Email! })
        {
            using var client = await app.SignInAsync(who);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/rounds/{e.RoundId}/interpreters"));
            var token = await client.TokenAsync("/language");
            var add = await client.PostAsync($"/rounds/{e.RoundId}/interpreters?handler=Add",
                [new("Name", "Iemand"), new("__RequestVerificationToken", token)], follow: false);
            Assert.Equal(HttpStatusCode.NotFound, add.Status);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Interpreters.CountAsync(i => i.RoundId == e.RoundId)));
    }

    [Fact]
    public async Task Taking_the_interpreter_back_tells_the_family_in_its_language_and_a_new_one_tells_it_again()
    {
        var e = await EveningAsync();
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var page = await leader.SubmitAsync(await leader.GetAsync($"/rounds/{e.RoundId}/interpreters"),
            new() { ["Name"] = "Samira Haddad", ["Organisation"] = "Tolkcentrum Noord" }, "form[action*='handler=Add']");
        var samira = OptionFor(page, e.BookingA, "Samira Haddad");
        page = await leader.SubmitAsync(page, new() { ["interpreter"] = samira }, $"#b-{e.BookingA} form");
        await Mailbox.WaitForAsync(app, e.ParentA.Email!, m => m.Body.Contains("سيحضر مترجم", StringComparison.Ordinal));

        page = await leader.SubmitAsync(page, new() { ["interpreter"] = "" }, $"#b-{e.BookingA} form");
        Assert.Equal("no", page.Find($"#b-{e.BookingA}")?.GetAttribute("data-assigned"));
        var withdrawn = await Mailbox.WaitForAsync(app, e.ParentA.Email!, m => m.Subject.Contains("لم يعد هناك مترجم", StringComparison.Ordinal));
        Assert.Contains("Arabisch", withdrawn.Body);
        Assert.DoesNotContain("Samira", withdrawn.Body);

        await leader.SubmitAsync(page, new() { ["interpreter"] = samira }, $"#b-{e.BookingA} form");
        await Mailbox.WaitForAsync(app, e.ParentA.Email!, _ => Mailbox.All(app).Count(m => m.To.Contains(e.ParentA.Email!, StringComparison.OrdinalIgnoreCase)
                                                                                          && m.Body.Contains("سيحضر مترجم", StringComparison.Ordinal)) == 2);
    }

    [Fact]
    public async Task Two_leaders_assigning_one_interpreter_to_overlapping_meetings_at_once_get_one_assignment()
    {
        var e = await EveningAsync();
        var otherLeader = await e.School.StaffAsync(StaffRole.SchoolLeader);
        using var first = await app.SignInAsync(e.Leader.Email!);
        using var second = await app.SignInAsync(otherLeader.Email!);
        var url = $"/rounds/{e.RoundId}/interpreters";
        var page = await first.SubmitAsync(await first.GetAsync(url), new() { ["Name"] = "Samira Haddad" }, "form[action*='handler=Add']");
        var samira = OptionFor(page, e.BookingA, "Samira Haddad");
        var (tokenA, tokenB) = (await first.TokenAsync(url), await second.TokenAsync(url));

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var posts = await Task.WhenAll(
                first.PostAsync($"{url}?handler=Assign", [new("booking", e.BookingA.ToString()), new("interpreter", samira), new("__RequestVerificationToken", tokenA)], follow: false),
                second.PostAsync($"{url}?handler=Assign", [new("booking", e.BookingB.ToString()), new("interpreter", samira), new("__RequestVerificationToken", tokenB)], follow: false));
            Assert.All(posts, p => Assert.True((int)p.Status < 500, $"{p.Status}"));
            Assert.Equal(1, await app.WithDbAsync(db => db.InterpreterAssignments.CountAsync(a => a.RoundId == e.RoundId)));
            await app.WithDbAsync(db => db.InterpreterAssignments.Where(a => a.RoundId == e.RoundId).ExecuteDeleteAsync());
        }
    }

    private static string OptionFor(Page page, Guid bookingId, string name) =>
        page.FindAll($"#i-{bookingId} option").Single(o => o.TextContent.Contains(name, StringComparison.Ordinal)).GetAttribute("value")!;
}

[Collection(SqliteCollection.Name)]
public sealed class InterpreterTests_Sqlite(SqliteApp app) : InterpreterTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class InterpreterTests_Postgres(PostgresApp app) : InterpreterTests(app);
