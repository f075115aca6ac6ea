using System.Net;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Rounds;

/// <summary>No staff page links to what its reader may not open: every link is decided by the target's own access check.</summary>
public abstract class StaffLinkTests(TestApp app)
{
    private static async Task AssertEveryLinkOpensAsync(AppClient client, string url)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var links = page.FindAll("main a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.True(await client.StatusAsync(link) == HttpStatusCode.OK, $"{url} links to {link}, which its reader may not open");
        }
    }

    [Fact]
    public async Task A_subject_teacher_follows_no_dead_link_from_the_round_pages_but_the_group_teacher_opens_the_booking()
    {
        var f = await app.RoundFamilyAsync();
        var subjectTeacher = await f.School.StaffAsync(StaffRole.SubjectTeacher, f.Group, subject: "Engels");
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        }
        var bookingId = await app.WithDbAsync(db => db.Bookings.Where(b => b.RoundId == f.Round.Id).Select(b => b.Id).SingleAsync());

        using var subject = await app.SignInAsync(subjectTeacher.Email!);
        foreach (var url in new[] { $"/school/{f.School.Id}/rounds", $"/rounds/{f.Round.Id}", $"/rounds/{f.Round.Id}/overview?group={f.Group.Id}" })
        {
            await AssertEveryLinkOpensAsync(subject, url);
        }
        var overview = await subject.GetAsync($"/rounds/{f.Round.Id}/overview?group={f.Group.Id}");
        Assert.Null(overview.Find($"a[href='/bookings/{bookingId}']"));
        Assert.NotNull(overview.Find("tr[data-state='Booked'] time"));

        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        var own = await teacher.GetAsync($"/rounds/{f.Round.Id}/overview?group={f.Group.Id}");
        Assert.NotNull(own.Find($"a[href='/bookings/{bookingId}']"));
        await AssertEveryLinkOpensAsync(teacher, $"/rounds/{f.Round.Id}/overview?group={f.Group.Id}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffLinkTests_Sqlite(SqliteApp app) : StaffLinkTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class StaffLinkTests_Postgres(PostgresApp app) : StaffLinkTests(app);
