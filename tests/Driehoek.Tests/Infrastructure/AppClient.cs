using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Driehoek.Tests.Infrastructure;

/// <summary>A page as the browser got it: status, final address and the parsed document.</summary>
public sealed record Page(HttpStatusCode Status, Uri Url, string Html, IDocument Document)
{
    public string Text => Document.Body?.TextContent ?? "";

    public string? Main => Document.QuerySelector("main")?.TextContent;

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public IEnumerable<IElement> FindAll(string selector) => Document.QuerySelectorAll(selector);

    public IReadOnlyList<string> Errors => Document.QuerySelectorAll(".error-summary li, .error-summary td:last-child")
        .Select(e => e.TextContent.Trim()).ToList();
}

/// <summary>
/// Drives the app the way a browser without JavaScript does: GET a page, fill in its form (with the
/// antiforgery token it carries), POST it, follow redirects. Intent methods keep tests readable.
/// </summary>
public sealed class AppClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    /// <param name="authenticatorCode">the code the user's authenticator app shows now, for the second step when the account has one</param>
    public async Task SignInAsync(string email, string password, Func<Task<string?>>? authenticatorCode = null)
    {
        var page = await SubmitAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (page.Url.AbsolutePath == "/account/two-factor" && authenticatorCode is not null
            && await authenticatorCode() is { } code)
        {
            page = await SubmitAsync(page, new() { ["Code"] = code });
        }
        Assert.True(page.Status == HttpStatusCode.OK && page.Find("form[action='/account/sign-out']") is not null,
            $"Sign-in as {email} failed: {page.Status} {string.Join(" | ", page.Errors)}");
    }

    public async Task<Page> GetAsync(string url, bool follow = true) => await ReadAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), follow));

    public async Task<HttpStatusCode> StatusAsync(string url) => (await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), false)).StatusCode;

    /// <summary>GETs <paramref name="url"/>, fills the first matching form and submits it.</summary>
    public async Task<Page> SubmitAsync(string url, Dictionary<string, string> fields, string? formSelector = null, string? button = null)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} gave {page.Status}");
        return await SubmitAsync(page, fields, formSelector, button);
    }

    /// <param name="headers">Extra request headers, such as <see cref="CommandCounts.Header"/>.</param>
    public async Task<Page> SubmitAsync(Page page, Dictionary<string, string> fields, string? formSelector = null, string? button = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        // By default the page's own form: the first in <main>, not the sign-out form in the header.
        var form = (formSelector is null
                       ? page.Document.QuerySelector("main form[method=post]") ?? page.Document.QuerySelector("form[method=post]")
                       : page.Document.QuerySelector(formSelector)) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var values = FormValues(form);
        if (button is not null)
        {
            var b = form.QuerySelector(button) as IHtmlButtonElement ?? throw new InvalidOperationException($"No button {button}");
            if (!string.IsNullOrEmpty(b.Name))
            {
                values.Add(new(b.Name, b.Value));
            }
        }
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        var action = ActionOf(form, page.Url);
        return await PostAsync(action, values, headers: headers);
    }

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values, bool follow = true,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }
        return await ReadAsync(await SendAsync(request, follow));
    }

    /// <summary>Posts a form with a file, as an upload field does.</summary>
    public async Task<Page> UploadAsync(string url, string field, byte[] content, string fileName)
    {
        var page = await GetAsync(url);
        var form = page.Document.QuerySelector("form[enctype='multipart/form-data']") as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No upload form on {url}");
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(form))
        {
            body.Add(new StringContent(value), name);
        }
        body.Add(new ByteArrayContent(content), field, fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, ActionOf(form, page.Url)) { Content = body };
        return await ReadAsync(await SendAsync(request, true));
    }

    /// <summary>A form's antiforgery token, for posts a test builds by hand (forged ids, say).</summary>
    public async Task<string> TokenAsync(string url)
    {
        var page = await GetAsync(url);
        return page.Find("input[name=__RequestVerificationToken]")?.GetAttribute("value")
               ?? throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    public async Task<(HttpStatusCode Status, T? Value)> GetJsonAsync<T>(string url)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), false);
        return response.IsSuccessStatusCode ? (response.StatusCode, await response.Content.ReadFromJsonAsync<T>()) : (response.StatusCode, default);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool follow)
    {
        var response = await http.SendAsync(request);
        for (var hops = 0; follow && hops < 8 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location; hops++)
        {
            var next = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response.Dispose();
            response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, next));
        }
        return response;
    }

    public void Dispose() => http.Dispose();

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!, html, document);
    }

    /// <summary>What a browser would send for <paramref name="form"/> as it stands: no files, no submit buttons, only checked boxes.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = input.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            switch (input)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement i:
                    values.Add(new(name, i.Value));
                    break;
                case IHtmlSelectElement s:
                    values.Add(new(name, s.Value ?? ""));
                    break;
                case IHtmlTextAreaElement t:
                    values.Add(new(name, t.Value));
                    break;
            }
        }
        return values;
    }

    private static string ActionOf(IHtmlFormElement form, Uri page)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? page.PathAndQuery : action;
    }
}
