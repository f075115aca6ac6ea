using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Driehoek.Web.Features.Bookings;

namespace Driehoek.BookingRush;

/// <summary>
/// One family's browser: its own HttpClient and cookie jar, a real sign-in through the form with its
/// antiforgery token, then the booking API as the booking page's script or a parent app would use it.
/// </summary>
public sealed partial class FamilyClient(FamilyPlan plan, Uri baseAddress, int seed) : IDisposable
{
    /// <summary>Tries per meeting: the first pick plus retries on "just taken" (409) or a fresh look at the options.</summary>
    public const int MaxAttempts = 6;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false,
    })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly Random _random = new(seed);

    public FamilyPlan Plan => plan;

    public async Task<bool> SignInAsync()
    {
        var form = await _http.GetStringAsync("/account/sign-in");
        var token = TokenPattern().Match(form);
        if (!token.Success)
        {
            return false;
        }
        using var response = await _http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = plan.Email, ["Password"] = Seeder.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        return response.StatusCode == HttpStatusCode.Redirect
               && response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("driehoek.auth=", StringComparison.Ordinal));
    }

    /// <summary>Looks at the options once, then books the mentor and the two subject teachers it wants.</summary>
    public async Task BookAsync(Measurements m, Guid roundId)
    {
        var round = new RoundVisit(roundId, []);
        var options = await OptionsAsync(m, round);
        if (options is null)
        {
            return;
        }
        foreach (var teacherId in plan.SubjectTeacherIds.Prepend(plan.MentorId))
        {
            var teacher = options.Children.SingleOrDefault(c => c.StudentId == plan.StudentId)?.Teachers.SingleOrDefault(t => t.StaffMemberId == teacherId);
            if (teacher is null)
            {
                m.Error("teacher missing from the options");
                return;
            }
            if (!await BookOneAsync(m, round, teacherId, teacher.Slots))
            {
                return;
            }
        }
    }

    /// <summary>False when the family should stop (an error); a meeting it could not get is counted and skipped.</summary>
    private async Task<bool> BookOneAsync(Measurements m, RoundVisit round, Guid teacherId, List<Api.Time> candidates)
    {
        var tried = new HashSet<Guid>();
        var pick = Choose(round, candidates, tried);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (pick is null)
            {
                var fresh = await OptionsAsync(m, round);
                if (fresh is null)
                {
                    return false;
                }
                pick = Choose(round, fresh.Children.Single(c => c.StudentId == plan.StudentId).Teachers.Single(t => t.StaffMemberId == teacherId).Slots, tried);
                if (pick is null)
                {
                    break;
                }
            }
            tried.Add(pick.SlotId);
            var (status, refused) = await PostAsync(m, round, pick.SlotId);
            switch (status)
            {
                case HttpStatusCode.Created:
                    m.BookedOne();
                    round.Own.Add((pick.StartsAt, pick.EndsAt));
                    return true;
                case HttpStatusCode.Conflict:
                    m.LostRace();
                    pick = Choose(round, refused?.Alternatives ?? [], tried);
                    break;
                case null:
                    return false;
                default:
                    m.Error($"POST {(int)status} {string.Join(" ", refused?.Errors?.SelectMany(e => e.Value) ?? [])}".Trim());
                    return false;
            }
        }
        m.GaveUpOne();
        return true;
    }

    /// <summary>A random free time that fits the family's own meetings, right before or after one of them when it can.</summary>
    private Api.Time? Choose(RoundVisit round, IEnumerable<Api.Time> times, HashSet<Guid> tried)
    {
        var own = round.Own;
        var fitting = times.Where(t => !tried.Contains(t.SlotId) && !own.Any(o => t.StartsAt < o.End && o.Start < t.EndsAt)).ToList();
        var adjacent = fitting.Where(t => own.Any(o => t.StartsAt == o.End || t.EndsAt == o.Start)).ToList();
        var pool = adjacent.Count > 0 ? adjacent : fitting;
        return pool.Count == 0 ? null : pool[_random.Next(pool.Count)];
    }

    private async Task<Api.Options?> OptionsAsync(Measurements m, RoundVisit round)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.GetAsync($"/api/v1/rounds/{round.Id}/booking-options");
            var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Api.Options>(Api.Json) : null;
            m.Get(watch.Elapsed.TotalMilliseconds);
            if (body is null)
            {
                m.Error($"GET options {(int)response.StatusCode}");
            }
            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            m.Error(ex is TaskCanceledException ? "GET options timed out" : "GET options failed: " + ex.Message);
            return null;
        }
    }

    private async Task<(HttpStatusCode? Status, Api.Refused? Refused)> PostAsync(Measurements m, RoundVisit round, Guid slotId)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.PostAsJsonAsync($"/api/v1/rounds/{round.Id}/bookings",
                new BookRequest(plan.StudentId, slotId, "Hoe gaat het met de overstap naar de bovenbouw?", TopicAreas.Results, null), Api.Request);
            var body = await response.Content.ReadAsStringAsync();
            m.Post(watch.Elapsed.TotalMilliseconds);
            return (response.StatusCode, Refusal(response, body));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            m.Error(ex is TaskCanceledException ? "POST timed out" : "POST failed: " + ex.Message);
            return (null, null);
        }
    }

    /// <summary>The refusal with its alternatives; a body that is not the API's JSON (an error page) comes back as its opening words.</summary>
    private static Api.Refused? Refusal(HttpResponseMessage response, string body)
    {
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Api.Refused>(body, Api.Json);
        }
        catch (JsonException)
        {
            var start = body.Length > 120 ? body[..120] : body;
            return new Api.Refused(new() { [""] = [start.ReplaceLineEndings(" ")] }, []);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>One round as this family sees it: the times it has booked there.</summary>
    private sealed record RoundVisit(Guid Id, List<(DateTime Start, DateTime End)> Own);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
