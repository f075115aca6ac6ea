using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Driehoek.Web.Features.Roster;

namespace Driehoek.Tests.Security;

/// <summary>One malformed post: what was broken (a field, a value), its body and, when the route itself is broken, its address.</summary>
internal sealed record Malformed(string Field, string Value, Func<HttpContent?> Body, string? Url = null);

/// <summary>
/// The malformed forms for one handler: the whole form broken at once, other encodings and content types,
/// the antiforgery token broken, bad ids in the route; and for the visitor who may use the form, every
/// field broken on its own. Everything else in the form stays as the page gave it.
/// </summary>
internal static class MalformedForms
{
    private const string Token = "__RequestVerificationToken";
    private static readonly string Megabyte = new('x', 1024 * 1024);
    private static readonly byte[] HugeFile = new byte[UploadRoster.MaxBytes + 1024 * 1024];

    public static readonly string[] Values =
    [
        "", "-1", "0", "99999999999999999999", "1e400", "NaN", "2026-02-30", "25:61", "0001-01-01", "9999-12-31T23:59:59",
        "not-a-guid", "<script>alert(1)</script>", "\0",
    ];

    /// <param name="user">the visitor who may use the form: they also get each field broken on its own, and the 1 MB values</param>
    public static IEnumerable<Malformed> For(FormTarget target, string token, bool user)
    {
        var form = target.Baseline.Append(new(Token, token)).ToList();
        var fields = target.Handler.Fields.Select(f => f.Name).Concat(target.Baseline.Select(p => p.Key))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        List<KeyValuePair<string, string>> All(string value) => [.. fields.Select(f => new KeyValuePair<string, string>(f, value)), new(Token, token)];

        yield return new("(every field)", "missing", () => Encoded([new(Token, token)]));
        foreach (var value in Values)
        {
            yield return new("(every field)", Show(value), () => Encoded(All(value)));
        }
        foreach (var (field, value, pairs) in Broken(Token, form))
        {
            yield return new(field, value, () => Encoded(pairs));
        }
        foreach (var malformed in Encodings(target, form, user))
        {
            yield return malformed;
        }
        var query = new Uri(new Uri("http://x"), target.Action).Query;
        var path = target.Action[..^query.Length];
        yield return new("handler", "unknown", () => Encoded(form), path + "?handler=Unknown");
        yield return new("handler", "none", () => Encoded(form), path);
        foreach (var name in target.RouteValues.Keys)
        {
            foreach (var bad in new[] { Guid.NewGuid().ToString(), Guid.Empty.ToString(), "not-a-guid", "..", "<script>", new string('9', 1000) })
            {
                var url = target.Handler.Url(new Dictionary<string, string>(target.RouteValues) { [name] = bad }) + query;
                yield return new($"route {{{name}}}", bad, () => Encoded(form), url);
            }
        }
        if (!user)
        {
            yield break;
        }
        foreach (var (field, value, pairs) in fields.SelectMany(f => Broken(f, form)))
        {
            yield return new(field, value, () => Encoded(pairs));
        }
        yield return new("(every field)", "1 MB", () => Encoded(All(Megabyte)));
        if (fields.Count > 0)
        {
            var others = form.Where(p => !p.Key.Equals(fields[0], StringComparison.OrdinalIgnoreCase));
            yield return new(fields[0], "1 MB", () => Encoded([.. others, new(fields[0], Megabyte)]));
        }
        yield return new("(unknown field)", "1 MB", () => Encoded([.. form, new("Unknown", Megabyte)]));
        yield return new("(field name)", "1 MB", () => Encoded([.. form, new(Megabyte, "x")]));
    }

    /// <summary>One field broken: each bad value, left out, sent twice with conflicting values, at an index far out of range.</summary>
    private static IEnumerable<(string Field, string Value, List<KeyValuePair<string, string>> Pairs)> Broken(
        string field, List<KeyValuePair<string, string>> form)
    {
        var others = form.Where(p => !p.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).ToList();
        var valid = form.FirstOrDefault(p => p.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).Value ?? "1";
        foreach (var value in Values)
        {
            yield return (field, Show(value), [.. others, new(field, value)]);
        }
        yield return (field, "missing", others);
        yield return (field, $"twice: {Show(valid)} and x", [.. others, new(field, valid), new(field, "x")]);
        yield return (field, $"twice: x and {Show(valid)}", [.. others, new(field, "x"), new(field, valid)]);
        yield return ($"{field}[99999]", "x", [.. others, new($"{field}[99999]", "x")]);
        if (field.IndexOf("[0]", StringComparison.Ordinal) is var at and >= 0)
        {
            var (list, rest) = (field[..at], field[(at + 3)..]);
            foreach (var index in new[] { "99999", "-1", "2147483648" })
            {
                yield return ($"{list}[{index}]{rest}", Show(valid), [.. others, new($"{list}[{index}]{rest}", valid)]);
            }
            // The explicit-index form the binder also reads: Children.index=99999&Children[99999].Topics=…
            yield return ($"{list}.index", "99999", [.. others, new($"{list}.index", "99999"), new($"{list}[99999]{rest}", valid)]);
        }
    }

    /// <summary>The form as it should not come: other content types, broken encodings, too many or too long fields, files.</summary>
    private static IEnumerable<Malformed> Encodings(FormTarget target, List<KeyValuePair<string, string>> form, bool huge)
    {
        var json = JsonSerializer.Serialize(form.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value));
        yield return new("(content type)", "application/json", () => Raw(json, "application/json"));
        yield return new("(content type)", "application/json, broken", () => Raw("{\"a\":", "application/json"));
        yield return new("(content type)", "text/plain", () => Raw(Body(form), "text/plain"));
        yield return new("(content type)", "application/xml", () => Raw("<form><a>1</a></form>", "application/xml"));
        yield return new("(content type)", "none", () => Raw(Body(form), null));
        yield return new("(content type)", "form, charset utf-16", () => Raw(Body(form), "application/x-www-form-urlencoded; charset=utf-16"));
        yield return new("(content type)", "form, unknown charset", () => Raw(Body(form), "application/x-www-form-urlencoded; charset=nope"));
        yield return new("(content type)", "multipart without boundary", () => Raw(Body(form), "multipart/form-data"));
        yield return new("(content type)", "multipart, empty", () => Raw("", "multipart/form-data; boundary=x"));
        const string unterminated = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1";
        yield return new("(content type)", "multipart, unterminated", () => Raw(unterminated, "multipart/form-data; boundary=x"));
        yield return new("(content type)", "multipart", () => Multipart(form));
        yield return new("(body)", "broken percent-encoding", () => Raw("%%%&=&&=%zz&%ED%A0%80=%C0%AF&" + Body(form), "application/x-www-form-urlencoded"));
        yield return new("(body)", "empty", () => Raw("", "application/x-www-form-urlencoded"));
        yield return new("(body)", "1,100 fields", () => Encoded([.. form, .. Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))]));
        yield return new("(body)", "a field name of 3,000 characters", () => Encoded([.. form, new(new string('n', 3000), "x")]));
        var files = target.Handler.Fields.Where(f => f.IsFile).Select(f => f.Name).DefaultIfEmpty("file").ToList();
        foreach (var file in files)
        {
            yield return new(file, "an empty file", () => Multipart(form, (file, [])));
            yield return new(file, "a file without a name", () => Multipart(form, (file, [1, 2, 3]), fileName: ""));
            if (huge && target.Handler.Fields.Any(f => f.IsFile))
            {
                yield return new(file, $"a file of {HugeFile.Length / 1024 / 1024} MB", () => Multipart(form, (file, HugeFile)));
            }
        }
    }

    private static string Body(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private static HttpContent Encoded(IEnumerable<KeyValuePair<string, string>> pairs) => Raw(Body(pairs), "application/x-www-form-urlencoded");

    private static ByteArrayContent Raw(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return content;
    }

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> pairs, (string Name, byte[] Content)? file = null,
        string fileName = "leerlingen.csv")
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in pairs)
        {
            body.Add(new StringContent(value), name);
        }
        if (file is var (field, bytes))
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{field}\"", FileName = $"\"{fileName}\"" };
            body.Add(part);
        }
        return body;
    }

    private static string Show(string value) => value.Length > 40 ? $"{value.Length / 1024} KB" : value.Replace("\0", "\\0", StringComparison.Ordinal);
}
