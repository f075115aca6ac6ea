using System.Net;
using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Accounts;

/// <summary>The invitations page of a large school: fifty people a page, a group or a name, and "send to all" in the background.</summary>
public abstract class AccountInvitationListTests(TestApp app)
{
    [Fact]
    public async Task The_list_shows_fifty_people_a_page_with_previous_and_next_links_and_filters_by_group_and_name()
    {
        var school = await app.World.SchoolAsync();
        var big = await school.GroupAsync();
        var small = await school.GroupAsync();
        await BulkFamilies.AddAsync(app, school, big, 120, "Groot");
        await BulkFamilies.AddAsync(app, school, small, 3, "Klein");
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var staff = await app.SignInAsync(leader.Email!);

        var first = await staff.GetAsync($"/school/{school.Id}/invitations");
        Assert.Equal(50, first.FindAll("ul.people li").Count());
        Assert.Null(first.Find("a[rel=prev]"));
        Assert.Contains("1–50 van 123", first.Find("#showing")!.TextContent);
        var second = await staff.GetAsync(first.Find("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(50, second.FindAll("ul.people li").Count());
        Assert.NotNull(second.Find("a[rel=prev]"));
        var last = await staff.GetAsync(second.Find("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(23, last.FindAll("ul.people li").Count());
        Assert.Null(last.Find("a[rel=next]"));
        var shown = first.FindAll("ul.people .name").Concat(second.FindAll("ul.people .name")).Concat(last.FindAll("ul.people .name"))
            .Select(e => e.TextContent).ToList();
        Assert.Equal(123, shown.Distinct().Count());

        var group = await staff.GetAsync($"/school/{school.Id}/invitations?kind=Guardian&group={small.Id}");
        Assert.Equal(3, group.FindAll("ul.people li").Count());
        Assert.All(group.FindAll("ul.people .name"), n => Assert.Contains("Klein", n.TextContent, StringComparison.Ordinal));
        Assert.Null(group.Find("a[rel=next]"));
        var byName = await staff.GetAsync($"/school/{school.Id}/invitations?kind=Guardian&q=klein002");
        Assert.Equal("Ouder Klein002", Assert.Single(byName.FindAll("ul.people .name")).TextContent);
        var students = await staff.GetAsync($"/school/{school.Id}/invitations?kind=Student&group={small.Id}");
        Assert.Equal(3, students.FindAll("ul.people li").Count());
        // The send buttons count the whole school, whatever the list shows.
        Assert.Contains("123", group.Find("main form[method=post] button")!.TextContent);
    }

    [Fact]
    public async Task A_leader_never_sees_another_schools_people_on_any_page()
    {
        var mine = await app.World.SchoolAsync();
        var other = await app.World.SchoolAsync(boardId: mine.BoardId);
        var myGroup = await mine.GroupAsync();
        var otherGroup = await other.GroupAsync();
        await BulkFamilies.AddAsync(app, mine, myGroup, 55, "Eigen");
        await BulkFamilies.AddAsync(app, other, otherGroup, 5, "Ander");
        // A parent with a child at each school is a parent of both.
        var shared = await mine.GuardianAsync([await mine.StudentAsync(myGroup), await other.StudentAsync(otherGroup)], login: false);
        var leader = await mine.StaffAsync(StaffRole.SchoolLeader);
        var otherLeader = await other.StaffAsync(StaffRole.SchoolLeader);
        using var staff = await app.SignInAsync(leader.Email!);

        var names = new List<string>();
        foreach (var kind in new[] { "Guardian", "Student", "Staff" })
        {
            var page = await staff.GetAsync($"/school/{mine.Id}/invitations?kind={kind}");
            for (var i = 0; i < 10; i++)
            {
                names.AddRange(page.FindAll("ul.people li").Select(li => li.TextContent));
                if (page.Find("a[rel=next]") is not { } next)
                {
                    break;
                }
                page = await staff.GetAsync(next.GetAttribute("href")!);
            }
        }
        var foreignGroup = await staff.GetAsync($"/school/{mine.Id}/invitations?kind=Guardian&group={otherGroup.Id}");
        var foreignName = await staff.GetAsync($"/school/{mine.Id}/invitations?kind=Guardian&q=ander");

        Assert.Contains(names, n => n.Contains(shared.Name, StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("Eigen", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("Ander", StringComparison.Ordinal) || n.Contains(otherLeader.Email!, StringComparison.Ordinal));
        Assert.DoesNotContain("Ander", foreignGroup.Main, StringComparison.Ordinal);
        Assert.Empty(foreignName.FindAll("ul.people li"));
        Assert.Equal(HttpStatusCode.NotFound, await staff.StatusAsync($"/school/{other.Id}/invitations"));

        using var otherStaff = await app.SignInAsync(otherLeader.Email!);
        var otherRun = (await InvitationSends.SendAllAsync(otherStaff, other.Id)).Url.AbsolutePath;
        Assert.Equal(HttpStatusCode.NotFound, await staff.StatusAsync(otherRun));
        Assert.Equal(HttpStatusCode.NotFound, await staff.StatusAsync(otherRun.Replace(other.Id.ToString(), mine.Id.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Send_to_all_runs_in_the_background_and_two_clicks_invite_everyone_once()
    {
        var school = await app.World.SchoolAsync();
        await BulkFamilies.AddAsync(app, school, await school.GroupAsync(), 45, "Veel");
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var staff = await app.SignInAsync(leader.Email!);
        var page = await staff.GetAsync($"/school/{school.Id}/invitations");
        Assert.Contains("45", page.Find("main form[method=post] button")!.TextContent);

        // Two clicks at once, and a third from the same page later.
        var clicks = await Task.WhenAll(staff.SubmitAsync(page, []), staff.SubmitAsync(page, []));
        var done = new[] { await ProgressPages.FollowAsync(staff, clicks[0]), await ProgressPages.FollowAsync(staff, clicks[1]) };
        var again = await ProgressPages.FollowAsync(staff, await staff.SubmitAsync(page, []));

        Assert.Contains(done, d => d.Find("[role=status]")!.TextContent.Contains("45", StringComparison.Ordinal));
        Assert.Contains("0", again.Find("[role=status]")!.TextContent);
        var invitations = await app.WithDbAsync(db => db.AccountInvitations.Where(i => i.SchoolId == school.Id).Select(i => i.PersonId).ToListAsync());
        Assert.Equal(45, invitations.Count);
        Assert.Equal(45, invitations.Distinct().Count());
        Assert.Equal(45, await app.WithDbAsync(db => db.AccountInvitationRuns.Where(r => r.SchoolId == school.Id).SumAsync(r => r.Sent)));
        Assert.Equal(45, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload.Contains(school.School.Name))));
        var after = await staff.GetAsync($"/school/{school.Id}/invitations");
        Assert.Null(after.Find("section[aria-labelledby=inv-Guardian] form"));
        Assert.Equal(45, after.FindAll("ul.people .tag").Count());
    }

    [Fact]
    public async Task A_send_claimed_again_after_its_instance_died_carries_on_and_invites_nobody_twice()
    {
        var school = await app.World.SchoolAsync();
        await BulkFamilies.AddAsync(app, school, await school.GroupAsync(), 45, "Weer");
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        // As if a first claim had saved one chunk and died: a run under way, some invitations written, no job row for the runner.
        var run = new AccountInvitationRun
        {
            SchoolId = school.Id, Kind = AccountInvitationKind.Guardian, Status = AccountInvitationRunStatus.Sending, Total = 45, Sent = 0,
            OpenKey = AccountInvitationRun.OpenKeyFor(school.Id, AccountInvitationKind.Guardian), CreatedAt = TestClock.Start.UtcDateTime,
            CreatedByUserId = leader.UserId!.Value,
        };
        await app.WithDbAsync(async db =>
        {
            db.AccountInvitationRuns.Add(run);
            var done = await db.Guardianships.Where(x => x.SchoolId == school.Id).Select(x => x.GuardianId).OrderBy(id => id).Take(15).ToListAsync();
            foreach (var id in done)
            {
                db.AccountInvitations.Add(new AccountInvitation
                {
                    BoardId = school.BoardId, SchoolId = school.Id, Kind = AccountInvitationKind.Guardian, PersonId = id, Email = "eerder@test.invalid",
                    TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = run.CreatedAt, ExpiresAt = run.CreatedAt.AddDays(14), CreatedByUserId = run.CreatedByUserId,
                });
            }
            run.Sent = done.Count;
            await db.SaveChangesAsync();
        });

        await ProgressPages.ClaimAgainAsync<AccountInvitationJob>(app, AccountInvitationJob.Kind, run.Id);
        var afterRetry = await app.WithDbAsync(db => db.AccountInvitations.CountAsync(i => i.SchoolId == school.Id));
        // Died again between its last chunk and marking the run done: the next claim finds nobody left.
        await app.WithDbAsync(db => db.AccountInvitationRuns.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, AccountInvitationRunStatus.Sending)));
        await ProgressPages.ClaimAgainAsync<AccountInvitationJob>(app, AccountInvitationJob.Kind, run.Id);

        Assert.Equal(45, afterRetry);
        Assert.Equal(45, await app.WithDbAsync(db => db.AccountInvitations.Where(i => i.SchoolId == school.Id).Select(i => i.PersonId).Distinct().CountAsync()));
        Assert.Equal(45, await app.WithDbAsync(db => db.AccountInvitations.CountAsync(i => i.SchoolId == school.Id)));
        Assert.Equal(30, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload.Contains(school.School.Name))));
        var finished = await app.WithDbAsync(db => db.AccountInvitationRuns.SingleAsync(r => r.Id == run.Id));
        Assert.Equal(AccountInvitationRunStatus.Done, finished.Status);
        Assert.Equal(45, finished.Sent);
        Assert.Null(finished.OpenKey);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountInvitationListTests_Sqlite(SqliteApp app) : AccountInvitationListTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class AccountInvitationListTests_Postgres(PostgresApp app) : AccountInvitationListTests(app);
