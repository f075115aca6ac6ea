using System.Net;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Demo;
using Driehoek.Web.Features.ParentEvenings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;

namespace Driehoek.Tests.Demo;

/// <summary>
/// The demo as a school trying Driehoek sees it: a self-booking evening under way, a request-mode evening
/// ready for the scheduler, and parents of every kind who can sign in. The demo is built once for the class.
/// </summary>
public sealed class DemoEveningTests(DemoEveningTests.Demo demo) : IClassFixture<DemoEveningTests.Demo>
{
    [Fact]
    public async Task Primary_round_overview_shows_families_that_came_did_not_show_are_booked_and_have_not_booked()
    {
        using var teacher = await demo.DemoSignInAsync("leerkracht");
        var round = await demo.ProgressRoundAsync(Web.Features.Organisation.SchoolKind.Primary);
        var overview = await teacher.GetAsync($"/rounds/{round.Id}/overview");

        Assert.Equal(HttpStatusCode.OK, overview.Status);
        var states = overview.FindAll("tr[data-state]").Select(r => r.GetAttribute("data-state")).ToList();
        Assert.Contains("Came", states);
        Assert.Contains("NoShow", states);
        Assert.Contains("Booked", states);
        Assert.Contains("NotReached", states);
        Assert.True(states.Count(s => s != "NotReached") > states.Count / 2, "most families have booked");
        Assert.Equal(RoundMode.SelfBooking, round.Mode);
        Assert.Equal(RoundStatus.Published, round.Status);
    }

    [Fact]
    public async Task Demo_parent_can_still_book_a_time_next_week()
    {
        using var parent = await demo.DemoSignInAsync("ouder");
        var round = await demo.ProgressRoundAsync(Web.Features.Organisation.SchoolKind.Primary);
        var page = await parent.GetAsync($"/rounds/{round.Id}/book");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Emma", page.Main);
        Assert.NotEmpty(page.FindAll("a.slot"));
    }

    [Fact]
    public async Task Request_evening_has_requests_and_the_rector_runs_the_scheduler_to_the_end()
    {
        var round = await demo.ProgressRoundAsync(Web.Features.Organisation.SchoolKind.Secondary);
        Assert.Equal(RoundMode.Requests, round.Mode);
        var (requests, households) = await demo.WithDbAsync(async db => (
            await db.ConversationRequests.CountAsync(r => r.RoundId == round.Id),
            await db.ConversationRequests.Where(r => r.RoundId == round.Id).Select(r => r.HouseholdId).Distinct().CountAsync()));
        Assert.InRange(households, 300, 500);
        Assert.True(requests > households, "families ask for subject teachers as well as the mentor");

        using var rector = await demo.DemoSignInAsync("rector");
        var plan = await rector.GetAsync($"/rounds/{round.Id}/schedule");
        var started = await rector.SubmitAsync(plan, [], "form[action*='handler=Run']");
        Assert.True(started.Url.AbsolutePath.Contains("/schedule/", StringComparison.Ordinal), string.Join(" | ", started.Errors));
        var runId = Guid.Parse(started.Url.Segments[^1]);
        var status = ScheduleRunStatus.Queued;
        for (var i = 0; i < 600 && status is ScheduleRunStatus.Queued or ScheduleRunStatus.Running; i++)
        {
            await Task.Delay(100);
            status = await demo.WithDbAsync(db => db.ScheduleRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync());
        }
        Assert.Equal(ScheduleRunStatus.Finished, status);
        var review = await rector.GetAsync($"/rounds/{round.Id}/schedule/{runId}");
        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.NotNull(review.Find("form[action*='handler=Publish']"));
    }

    [Theory]
    [InlineData("ouder", new[] { "Emma", "Daan" })]
    [InlineData("moeder", new[] { "Finn", "Lotte" })]
    [InlineData("vader", new[] { "Finn", "Lotte" })]
    [InlineData("zonder-gezag", new[] { "Noor" })]
    [InlineData("arabisch", new[] { "Adam", "Salma" })]
    public async Task Each_demo_parent_sees_their_own_children_only(string account, string[] children)
    {
        using var parent = await demo.DemoSignInAsync(account);
        var home = await parent.GetAsync("/");

        var names = home.FindAll("article.child h3").Select(h => h.TextContent.Split(' ')[0]).Order().ToArray();
        Assert.Equal(children.Order().ToArray(), names);
    }

    [Fact]
    public async Task Separated_parents_each_book_for_their_own_household()
    {
        using var mother = await demo.DemoSignInAsync("moeder");
        using var father = await demo.DemoSignInAsync("vader");
        var round = await demo.ProgressRoundAsync(Web.Features.Organisation.SchoolKind.Primary);
        var households = await demo.WithDbAsync(db => db.Guardians
            .Where(g => g.Email == $"moeder@{DemoSeeder.Domain}" || g.Email == $"vader@{DemoSeeder.Domain}")
            .Select(g => g.HouseholdId).Distinct().CountAsync());
        var booked = await demo.WithDbAsync(db => db.Bookings.CountAsync(b => b.RoundId == round.Id && b.BookedByUserId == db.Users
            .Where(u => u.Email == $"moeder@{DemoSeeder.Domain}").Select(u => u.Id).Single()));

        Assert.Equal(2, households);
        Assert.Equal(2, booked);
        Assert.Equal(HttpStatusCode.OK, (await mother.GetAsync($"/rounds/{round.Id}/book")).Status);
        // The father's household has booked nothing yet: the mother's times are hers, not on his page.
        var his = await father.GetAsync($"/rounds/{round.Id}/book");
        Assert.Equal(HttpStatusCode.OK, his.Status);
        Assert.Empty(his.FindAll("a[href^='/bookings/']"));
    }

    [Fact]
    public async Task Parent_without_parental_authority_sees_the_child_but_not_the_rounds_the_school_keeps_from_them()
    {
        using var parent = await demo.DemoSignInAsync("zonder-gezag");
        var home = await parent.GetAsync("/");
        var round = await demo.ProgressRoundAsync(Web.Features.Organisation.SchoolKind.Primary);

        Assert.NotNull(home.Find("article.child .hint"));
        Assert.DoesNotContain(round.Name, home.Main);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/rounds/{round.Id}/book")).Status);
    }

    [Fact]
    public async Task Arabic_parent_reads_her_pages_in_Arabic_right_to_left_and_sees_her_request()
    {
        using var parent = await demo.DemoSignInAsync("arabisch");
        var home = await parent.GetAsync("/");
        var round = await demo.ProgressRoundAsync(Web.Features.Organisation.SchoolKind.Secondary);
        var request = await parent.GetAsync($"/rounds/{round.Id}/request");

        foreach (var page in new[] { home, request })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("ar", page.Find("html")!.GetAttribute("lang"));
            Assert.Equal("rtl", page.Find("html")!.GetAttribute("dir"));
        }
        Assert.Contains("Arabisch", request.Html);
    }

    public sealed class Demo : TestApp
    {
        public Demo() : base(DatabaseProvider.Sqlite)
        {
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Enabled", "true");
        }

        public async Task<AppClient> DemoSignInAsync(string account)
        {
            var client = Client();
            await client.SignInAsync($"{account}@{DemoSeeder.Domain}", DemoSeeder.Password);
            return client;
        }

        public Task<ConversationRound> ProgressRoundAsync(Web.Features.Organisation.SchoolKind kind) => WithDbAsync(db => db.Rounds
            .Where(r => r.Kind == RoundKind.Progress && db.Schools.Any(s => s.Id == r.SchoolId && s.IsDemo && s.Kind == kind)).SingleAsync());
    }
}
