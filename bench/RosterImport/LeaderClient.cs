using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Driehoek.RosterImport;

/// <summary>
/// The school leader's browser: signs in through the form, uploads the file on the import page (the app
/// previews it), and presses Verwerken on the preview. Each request carries the form's antiforgery token.
/// </summary>
public sealed partial class LeaderClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30),
    };

    public async Task SignInAsync(string email, string password)
    {
        using var response = await PostFormAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = await TokenAsync("/account/sign-in"),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }
    }

    /// <summary>Uploads the file; returns the preview's address (the app redirects there once it has checked the file).</summary>
    public async Task<string> UploadAsync(Guid schoolId, byte[] file)
    {
        var path = $"/school/{schoolId}/import";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(path)), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "File", "leerlingen.csv");
        using var response = await PostFormAsync(path, form);
        return response.Headers.Location?.OriginalString
               ?? throw new InvalidOperationException($"Upload was not accepted: {(int)response.StatusCode} {Errors(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>Presses Verwerken on the preview: the app queues the import as a background job.</summary>
    public async Task CommitAsync(string previewPath)
    {
        using var response = await PostFormAsync(previewPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(previewPath),
        }));
        if ((int)response.StatusCode >= 400)
        {
            throw new InvalidOperationException($"Commit refused: {(int)response.StatusCode}");
        }
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> PostFormAsync(string path, HttpContent content) => _http.PostAsync(path, content);

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
