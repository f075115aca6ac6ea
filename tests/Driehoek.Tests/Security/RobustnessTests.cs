using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Driehoek.Web.Features.People;
using Xunit.Abstractions;

namespace Driehoek.Tests.Security;

/// <summary>
/// Every endpoint of the OpenAPI document gets malformed requests — nulls, wrong types, a 1 MB string,
/// numbers that overflow, impossible dates, duplicated fields, broken JSON, wrong content types, bad ids —
/// signed out, as a parent and as a school leader. None may answer 5xx. New endpoints are covered as they appear.
/// </summary>
public abstract class RobustnessTests(TestApp app, ITestOutputHelper output)
{
    private const int AtLeastPerEndpoint = 200;
    private static readonly string Megabyte = new('x', 1024 * 1024);

    private static readonly string[] Values =
    [
        "null", "\"\"", "\"x\"", "0", "-1", "123", "1e400", "99999999999999999999999", "true", "[]", "{}", "[null]", "[{}]",
        "\"2026-02-30\"", "\"25:61\"", "\"00000000-0000-0000-0000-000000000000\"", "\"<script>alert(1)</script>\"", "[\"x\", 1, null]",
    ];

    private static readonly string[] Bodies = ["", "null", "[]", "{}", "{", "\"x\"", "123", "{\"a\":", "{}{}", "[{\"x\":1}]"];

    private static readonly string[] QueryValues = ["", "x", "-1", "99999999999999999999", "2026-02-30", "00000000-0000-0000-0000-000000000000", "%00", "[]"];

    [Fact]
    public async Task No_malformed_request_to_any_endpoint_gives_a_server_error()
    {
        var s = await InvitationScenario.CreateAsync(app);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["schoolId"] = s.School.Id.ToString(), ["groupId"] = s.Group.Id.ToString(), ["roundId"] = s.Round.Id.ToString(),
            ["studentId"] = s.Child.Id.ToString(), ["student"] = s.Child.Id.ToString(),
        };
        using var parent = await app.SignInAsync(s.Parent.Email!);
        using var leader = await app.SignInAsync(s.Leader.Email!);
        using var anonymous = app.Client();
        var document = JsonNode.Parse(await anonymous.Http.GetStringAsync("/openapi/v1.json"))!;
        var failures = new List<string>();
        var counts = new List<string>();

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var requests = Requests(document, path, method, operation!, ids).ToList();
                var sent = 0;
                foreach (var client in new[] { anonymous, parent, leader })
                {
                    foreach (var (url, body, contentType) in requests)
                    {
                        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                        if (body is not null)
                        {
                            request.Content = new StringContent(body, Encoding.UTF8);
                            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                        }
                        var response = await client.Http.SendAsync(request);
                        sent++;
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{method.ToUpperInvariant()} {url} [{contentType}] {Shorten(body)} → {(int)response.StatusCode}");
                        }
                    }
                }
                counts.Add($"{method.ToUpperInvariant()} {path}: {sent}");
                if (sent < AtLeastPerEndpoint)
                {
                    failures.Add($"{method.ToUpperInvariant()} {path}: only {sent} requests");
                }
            }
        }
        TestCounts.Report(output, app, $"OpenAPI robustness: {counts.Count} endpoints, {counts.Sum(c => int.Parse(c[(c.LastIndexOf(' ') + 1)..]))} malformed requests");
        counts.ForEach(output.WriteLine);

        Assert.True(failures.Count == 0, "Server errors or endpoints tried too little:\n" + string.Join('\n', failures.Take(30))
            + "\nThe server's latest errors:\n" + string.Join('\n', app.ServerErrors.Latest()));
    }

    /// <summary>The malformed requests for one operation: bad ids and query values, then (for a body) broken and mistyped JSON.</summary>
    private static IEnumerable<(string Url, string? Body, string ContentType)> Requests(
        JsonNode document, string path, string method, JsonNode operation, Dictionary<string, string> ids)
    {
        var parameters = operation["parameters"]?.AsArray().Select(p => (Name: (string)p!["name"]!, In: (string)p!["in"]!)).ToList() ?? [];
        var query = parameters.Where(p => p.In == "query").ToList();
        string Url(Func<string, string> pathValue, string queryValue) =>
            parameters.Where(p => p.In == "path").Aggregate(path, (url, p) => url.Replace($"{{{p.Name}}}", Uri.EscapeDataString(pathValue(p.Name))))
            + (query.Count == 0 ? "" : "?" + string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(queryValue.Length == 0 && ids.TryGetValue(q.Name, out var id) ? id : queryValue)}")));
        string Real(string name) => ids.TryGetValue(name, out var id) ? id : Guid.NewGuid().ToString();
        var valid = Url(Real, "");

        var properties = BodyProperties(document, operation);
        var hasBody = operation["requestBody"] is not null;
        var bodies = new List<string>(Bodies);
        foreach (var property in properties.DefaultIfEmpty("Id"))
        {
            bodies.AddRange(Values.Select(v => $"{{\"{property}\":{v}}}"));
            bodies.Add($"{{\"{property}\":1,\"{property}\":\"x\"}}");
            bodies.Add($"{{\"{property}\":\"{Megabyte}\"}}");
        }
        bodies.Add("{" + string.Join(',', properties.Select(p => $"\"{p}\":null")) + "}");

        foreach (var body in bodies)
        {
            yield return (valid, body, "application/json");
        }
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
        {
            yield return (valid, "{}", contentType);
        }
        var badIds = new[] { "not-a-guid", Guid.Empty.ToString(), "1", "%2e%2e" }
            .Concat(Values.Select(v => v.Trim('"'))).Concat(Enumerable.Range(0, 12).Select(_ => Guid.NewGuid().ToString()));
        foreach (var bad in badIds)
        {
            yield return (Url(_ => bad, ""), hasBody ? "{}" : null, "application/json");
        }
        foreach (var value in query.Count == 0 ? [] : QueryValues.Concat(Values).Append(Megabyte[..10_000]))
        {
            yield return (Url(Real, value.Length == 0 ? "x" : value), hasBody ? "{}" : null, "application/json");
        }
    }

    private static List<string> BodyProperties(JsonNode document, JsonNode operation)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema?["$ref"] is { } reference)
        {
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        }
        return schema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
    }

    private static string Shorten(string? body) => body is null ? "" : body.Length > 80 ? body[..80] + "…" : body;
}

[Collection(SqliteCollection.Name)]
public sealed class RobustnessTests_Sqlite(SqliteApp app, ITestOutputHelper output) : RobustnessTests(app, output);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class RobustnessTests_Postgres(PostgresApp app, ITestOutputHelper output) : RobustnessTests(app, output);
