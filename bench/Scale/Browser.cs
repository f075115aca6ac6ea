using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Driehoek.Scale;

/// <summary>One person's browser: own cookies, a real sign-in through the form, forms posted with their antiforgery token.</summary>
public sealed partial class Browser(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5),
    };

    public async Task SignInAsync(string email, string password)
    {
        var (token, _) = await FormAsync("/account/sign-in");
        using var response = await _http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("sign-in", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>A page's antiforgery token and its HTML.</summary>
    public async Task<(string Token, string Html)> FormAsync(string url)
    {
        var html = await _http.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        return match.Success ? (WebUtility.HtmlDecode(match.Groups[1].Value), html) : throw new InvalidOperationException($"No form on {url}");
    }

    public async Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => await _http.PostAsync(url, content);

    /// <summary>One timed page view: milliseconds and bytes of HTML; anything but 200 is an error.</summary>
    public async Task<(double Ms, int Bytes)> TimeAsync(string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        return response.StatusCode == HttpStatusCode.OK
            ? (watch.Elapsed.TotalMilliseconds, body.Length)
            : throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
    }

    public Task<string> GetStringAsync(string url) => _http.GetStringAsync(url);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
