using System.Net;
using System.Text;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Permissions;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Driehoek.Tests.Security;

/// <summary>
/// Walks every cell of the access matrix over HTTP: every persona (each relation the matrix knows) tries
/// every row on its own resource and on another family's, group's and school's. What the app answers must
/// be what the matrix says. Cells a school setting decides are tried with the setting off and on.
/// </summary>
public abstract class AccessMatrixTests(TestApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_cell_of_the_matrix_holds_over_HTTP()
    {
        var w = await MatrixWorld.CreateAsync(app);
        var clients = new Dictionary<Persona, AppClient>();
        try
        {
            foreach (var persona in Enum.GetValues<Persona>())
            {
                clients[persona] = persona == Persona.Anonymous ? app.Client() : await app.SignInAsync(w.Emails[persona]);
            }
            var tokens = new Dictionary<Persona, string>();
            foreach (var (persona, client) in clients)
            {
                tokens[persona] = await client.TokenAsync("/language");
            }

            var failures = new List<string>();
            var cells = 0;
            var conditional = new List<(AccessRow Row, Persona Persona, string Target)>();
            foreach (var row in AccessMatrix.Rows)
            {
                var probe = Probes.For(row.Resource, row.Act);
                foreach (var target in probe.Targets ?? MatrixWorld.TargetsOf(row.Scope))
                {
                    foreach (var persona in Enum.GetValues<Persona>())
                    {
                        var grant = AccessMatrix.Decide(row.Resource, row.Act, MatrixWorld.Relate(persona, row.Scope, target));
                        if (grant == Grant.IfSchoolAllows)
                        {
                            conditional.Add((row, persona, target));
                        }
                        cells++;
                        await CheckAsync(row, probe, persona, target, grant == Grant.Yes);
                    }
                }
            }

            // Now the school allows all it can: each conditional cell opens.
            await w.AllowEverythingAsync();
            foreach (var (row, persona, target) in conditional)
            {
                cells++;
                await CheckAsync(row, Probes.For(row.Resource, row.Act), persona, target, expected: true);
            }

            TestCounts.Report(output, app, $"Access matrix: {AccessMatrix.Rows.Count} rows × {Enum.GetValues<Persona>().Length} personas × their targets = " +
                             $"{cells} cells tried over HTTP ({conditional.Count} of them again with the school's setting on)");
            Assert.True(failures.Count == 0, $"{failures.Count} cells differ from the matrix:\n" + string.Join('\n', failures.Take(60)));

            async Task CheckAsync(AccessRow row, Probe probe, Persona persona, string target, bool expected)
            {
                var request = probe.Request(w, target, tokens[persona]);
                var response = await clients[persona].SendAsync(request, follow: false);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{row.Act} {row.Resource} as {persona} on {target}: {(int)response.StatusCode} from {request.Method} {request.RequestUri}");
                    return;
                }
                var allowed = probe.Allowed?.Invoke(w, target, response, body) ?? !Denied(response);
                if (allowed != expected)
                {
                    failures.Add($"{row.Act} {row.Resource} as {persona} on {target}: expected {(expected ? "allowed" : "refused")}, " +
                                 $"got {(int)response.StatusCode} from {request.Method} {request.RequestUri}");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public void Every_endpoint_names_its_resource_and_every_resource_has_rows_and_a_probe()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var missing = endpoints
            .Where(e => e.Metadata.GetMetadata<AccessRuleAttribute>() is null && e.Metadata.GetMetadata<PlatformEndpoint>() is null)
            // Static files: MapStaticAssets' development fallback for files added after the build.
            .Where(e => e.RoutePattern.RawText?.EndsWith(":file}", StringComparison.Ordinal) != true)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText} ({e.DisplayName})")
            .Distinct().ToList();
        Assert.True(missing.Count == 0, "Pages and endpoints without a resource of the access matrix:\n" + string.Join('\n', missing));

        var served = endpoints.Select(e => e.Metadata.GetMetadata<AccessRuleAttribute>()?.Resource).OfType<Resource>().ToHashSet();
        foreach (var resource in Enum.GetValues<Resource>().Where(r => r != Resource.Public))
        {
            Assert.True(AccessMatrix.Rows.Any(r => r.Resource == resource), $"{resource} has no row in the access matrix.");
            Assert.True(served.Contains(resource), $"{resource} is in the access matrix but no page or endpoint serves it.");
        }
        foreach (var row in AccessMatrix.Rows)
        {
            Assert.True(Probes.Has(row.Resource, row.Act), $"The matrix test has no probe for {row.Act} {row.Resource}.");
        }
        output.WriteLine($"{endpoints.Count} endpoints, each with its resource; {AccessMatrix.Rows.Count} rows, each with a probe.");
    }

    [Fact]
    public void Security_document_shows_the_matrix_as_it_is_in_the_code()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Driehoek.slnx")))
        {
            root = root.Parent!;
        }
        var document = File.ReadAllText(Path.Combine(root.FullName, "docs", "security.md")).ReplaceLineEndings("\n");
        Assert.True(document.Contains(AccessMatrix.ToMarkdown().ReplaceLineEndings("\n"), StringComparison.Ordinal),
            "docs/security.md does not contain the access matrix as the code has it. Paste this:\n" + AccessMatrix.ToMarkdown());
    }

    /// <summary>Refused: not found, forbidden, unauthorised, or sent to sign in or to the access-denied page.</summary>
    private static bool Denied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
            && response.Headers.Location?.OriginalString is { } to
            && (to.Contains("/account/sign-in", StringComparison.Ordinal) || to.Contains("/account/access-denied", StringComparison.Ordinal)));
}

[Collection(SqliteCollection.Name)]
public sealed class AccessMatrixTests_Sqlite(SqliteApp app, ITestOutputHelper output) : AccessMatrixTests(app, output);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class AccessMatrixTests_Postgres(PostgresApp app, ITestOutputHelper output) : AccessMatrixTests(app, output);
