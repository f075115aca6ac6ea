using System.Net;
using System.Net.Http.Json;
using System.Text;
using Driehoek.Tests.ParentEvenings;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.People;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Driehoek.Tests.Security;

/// <summary>What the security review of 2026-12 found, each closed with a test that failed before the fix.</summary>
public abstract class ReviewFindingTests(TestApp app)
{
    [Fact]
    public async Task Null_lists_in_a_request_body_get_a_problem_that_names_the_fields_not_a_500()
    {
        var response = await PutRequestsAsParentAsync("""{"Children":null,"SessionIds":null}""");
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Children", problem!.Errors!.Keys);
        Assert.Contains("SessionIds", problem.Errors.Keys);
    }

    [Theory]
    [InlineData("GET", 500)]
    [InlineData("POST", 503)]
    [InlineData("GET", 599)]
    public async Task The_error_page_opened_with_a_server_status_in_its_address_does_not_answer_with_it(string method, int status)
    {
        using var anonymous = app.Client();
        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/error?status={status}"), follow: false);

        Assert.True((int)response.StatusCode < 500, $"{method} /error?status={status} answered {(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/error?status=404"), follow: false)).StatusCode);
    }

    [Fact]
    public async Task Broken_json_gets_a_problem_not_an_html_page()
    {
        var response = await PutRequestsAsParentAsync("""{"Children":[{"StudentId":12}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_api_write_from_another_origin_is_refused_and_one_from_our_own_goes_through()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var round = await school.OpenRoundAsync([group]);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var client = await app.SignInAsync(leader.Email!);

        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rounds/{round.Id}/invitations/send-missing");
        foreign.Headers.Add("Origin", "http://evil.example");
        var refused = await client.Http.SendAsync(foreign);
        var own = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rounds/{round.Id}/invitations/send-missing");
        own.Headers.Add("Origin", client.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var allowed = await client.Http.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed.StatusCode);
    }

    [Fact]
    public async Task Join_links_in_emails_come_from_the_configured_address_not_the_requests_host()
    {
        var school = await app.World.SchoolAsync();
        var guardian = await school.GuardianAsync([await school.StudentAsync(await school.GroupAsync())], login: false);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var staff = await app.SignInAsync(leader.Email!);
        var form = await staff.GetAsync($"/school/{school.Id}/invitations");
        var token = form.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = new HttpRequestMessage(HttpMethod.Post, $"/school/{school.Id}/invitations")
        {
            Content = new FormUrlEncodedContent([new("kind", "Guardian"), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Host = "evil.example";
        await staff.Http.SendAsync(post);

        var link = Mailbox.Link(await Mailbox.WaitForAsync(app, guardian.Email!), "/join/");

        Assert.StartsWith("http://localhost:5000/join/", link);
    }

    [Fact]
    public async Task Opening_the_sign_in_page_often_does_not_count_as_attempts()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerMinute", "5"));
        using var client = limited.CreateClient(new() { AllowAutoRedirect = false });
        var views = new List<HttpStatusCode>();
        for (var i = 0; i < 35; i++)
        {
            views.Add((await client.GetAsync("/account/sign-in")).StatusCode);
        }
        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            attempts.Add((await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("Email", "x@test.invalid")]))).StatusCode);
        }

        Assert.All(views, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, attempts);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_https_gets_hsts_and_an_unknown_sender_cannot_claim_https()
    {
        using var behind = app.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownProxies", "10.1.2.3"));

        var viaProxy = await HealthViaAsync(behind.Server, "10.1.2.3");
        var viaStranger = await HealthViaAsync(behind.Server, "10.9.9.9");

        Assert.True(viaProxy.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.False(viaStranger.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    private static Task<HttpContext> HealthViaAsync(Microsoft.AspNetCore.TestHost.TestServer server, string from) =>
        server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(from);
            c.Request.Method = "GET";
            c.Request.Path = "/healthz";
            c.Request.Host = new HostString("school.example");
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        });

    [Fact]
    public async Task Only_the_teachers_a_family_chose_to_meet_read_its_preparation_and_topic_reads_are_logged()
    {
        var s = await InvitationScenario.CreateAsync(app);
        var english = await s.School.StaffAsync(StaffRole.SubjectTeacher, s.Group, "Engels");
        var maths = await s.School.StaffAsync(StaffRole.SubjectTeacher, s.Group, "Wiskunde");
        var slot = (await s.School.SlotsAsync(s.Round, maths, 1)).Single();
        // The family met the maths teacher (a booking the school made for them), not the English one.
        var bookingId = await app.WithDbAsync(async db =>
        {
            var household = (await db.Guardians.SingleAsync(g => g.Id == s.Parent.Id)).HouseholdId!.Value;
            var booking = NewBooking.Add(db, await db.Rounds.SingleAsync(r => r.Id == s.Round.Id), slot,
                new BookingParty(s.Child.Id, household, s.Parent.Id, s.Parent.UserId!.Value),
                new BookingDetails("Hoe gaat het met breuken?", TopicAreas.Results, null, MeetingMode.OnSite), slot.StartsAt, slot.EndsAt, slot.StartsAt.AddDays(-7));
            await db.SaveChangesAsync();
            return booking.Id;
        });
        using var notMet = await app.SignInAsync(english.Email!);
        using var met = await app.SignInAsync(maths.Email!);
        using var mentor = await app.SignInAsync(s.Teacher.Email!);

        Assert.Equal(HttpStatusCode.NotFound, await notMet.StatusAsync(s.StaffPrepare));
        Assert.DoesNotContain("Noor", (await notMet.GetAsync($"/rounds/{s.Round.Id}/preparations")).Main ?? "");
        Assert.Equal(HttpStatusCode.NotFound, await notMet.StatusAsync($"/bookings/{bookingId}"));
        Assert.Equal(HttpStatusCode.OK, await met.StatusAsync(s.StaffPrepare));
        Assert.Contains("Noor", (await met.GetAsync($"/rounds/{s.Round.Id}/preparations")).Main);
        Assert.Equal(HttpStatusCode.OK, await mentor.StatusAsync(s.StaffPrepare));
        Assert.Contains("breuken", (await met.GetAsync($"/bookings/{bookingId}")).Html);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == "booking-topics" && a.SubjectId == s.Child.Id && a.UserId == maths.UserId)));
    }

    /// <summary>A parent of a request-mode round sends this JSON as their requests.</summary>
    private async Task<HttpResponseMessage> PutRequestsAsParentAsync(string json)
    {
        var e = await Evening.CreateAsync(app);
        var parent = await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]);
        using var client = await app.SignInAsync(parent.Email!);
        return await client.Http.PutAsync($"/api/v1/rounds/{e.Round.Id}/requests", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    private sealed record ProblemBody(int Status, Dictionary<string, string[]>? Errors);
}

[Collection(SqliteCollection.Name)]
public sealed class ReviewFindingTests_Sqlite(SqliteApp app) : ReviewFindingTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class ReviewFindingTests_Postgres(PostgresApp app) : ReviewFindingTests(app);
