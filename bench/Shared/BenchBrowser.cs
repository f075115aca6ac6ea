using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Driehoek.Bench;

/// <summary>
/// One person's browser for the benchmarks: its own cookies, a real sign-in through the form, the roster
/// import as a leader does it (upload, then Verwerken on the preview), timed page views. Every post carries
/// the form's antiforgery token.
/// </summary>
public sealed partial class BenchBrowser(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30),
    };

    public async Task SignInAsync(string email, string password)
    {
        using var response = await _http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = await TokenAsync("/account/sign-in"),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("sign-in", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>
    /// Uploads the file to the school's import page (<paramref name="page"/>: "import" for the roster, "grades" for report
    /// grades); returns the preview's address (the app redirects there once it has checked the file).
    /// </summary>
    public async Task<string> UploadAsync(Guid schoolId, byte[] file, string page = "import")
    {
        var path = $"/school/{schoolId}/{page}";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(path)), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "File", page == "import" ? "leerlingen.csv" : page + ".csv");
        using var response = await _http.PostAsync(path, form);
        return response.Headers.Location?.OriginalString
               ?? throw new InvalidOperationException($"Upload was not accepted: {(int)response.StatusCode} {Errors(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>Confirms the new groups and presses Verwerken on the preview: the app queues the import as a background job.</summary>
    public async Task CommitAsync(string previewPath) =>
        await PostFormAsync(previewPath, new Dictionary<string, string> { ["confirmNewGroups"] = "true" });

    /// <summary>Posts a page's form with the page's own antiforgery token; anything from 400 up is an error.</summary>
    public async Task PostFormAsync(string path, Dictionary<string, string> fields, string? pageWithForm = null)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(pageWithForm ?? path);
        using var response = await _http.PostAsync(path, new FormUrlEncodedContent(fields));
        if ((int)response.StatusCode >= 400)
        {
            throw new InvalidOperationException($"POST {path} refused: {(int)response.StatusCode}");
        }
    }

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

    private async Task<string> TokenAsync(string path)
    {
        var page = await _http.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : throw new InvalidOperationException($"No form on {path}");
    }

    private static string Errors(string page) => string.Join(" | ", ErrorPattern().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).Take(5));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<li>([^<]+)</li>")]
    private static partial Regex ErrorPattern();
}
