using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace Driehoek.Tests.Security;

/// <summary>
/// The form half of <see cref="RobustnessTests"/>: every POST handler of every Razor page, found from the app's
/// own endpoints, gets malformed forms — every field empty, missing, 1 MB, out of range, an impossible date or
/// time, not a guid, markup, twice with conflicting values, at an index far out of range; other content types,
/// broken encodings, empty and oversized files, bad ids in the route — from the first person in the scenario
/// who may open its page and, at the same time, from a parent, a student and someone signed out (the leader
/// stands in for whichever of them opened the page). None may answer 5xx.
/// A handler whose page nobody can open fails the test: a new page needs its ids in <see cref="FormWorld"/>.
/// </summary>
public abstract class FormRobustnessTests(TestApp app, ITestOutputHelper output)
{
    private const int AtLeastPerHandler = 200;

    [Fact]
    public async Task No_malformed_form_to_any_page_handler_gives_a_server_error()
    {
        var started = Stopwatch.StartNew();
        using var world = await FormWorld.CreateAsync(app);
        var failures = new ConcurrentQueue<string>();
        var targets = await OpenPagesAsync(world, failures);
        output.WriteLine($"Scenario built and {targets.Count} pages opened in {started.Elapsed.TotalSeconds:0} s");

        var counts = new List<string>();
        var total = 0;
        foreach (var target in targets)
        {
            // The visitor the form is for, and three who are not (or who are, with other rights) at the same time.
            var others = new[] { world.Parent, world.SignedOut, world.Student, world.Leader }.Where(v => v != target.Visitor).Take(3);
            var sent = (await Task.WhenAll(others.Prepend(target.Visitor).Select(v => SendAsync(target, v, failures)))).Sum();
            total += sent;
            var from = target.Visitor.Who + (target.PageHasForm ? "" : ", no form on its page");
            counts.Add($"{target.Handler} (form from {from}): {sent}");
            if (sent < AtLeastPerHandler)
            {
                failures.Enqueue($"{target.Handler}: only {sent} malformed forms");
            }
        }
        TestCounts.Report(output, app, $"Form robustness: {targets.Count} form handlers, {total} malformed forms, {started.Elapsed.TotalSeconds:0} s in all");
        counts.ForEach(output.WriteLine);

        Assert.True(failures.IsEmpty,
            $"{failures.Count} server errors, or handlers not reached or tried too little:\n" + string.Join('\n', failures.Take(40))
            + "\nThe server's latest errors:\n" + string.Join('\n', app.ServerErrors.Latest()));
    }

    /// <summary>Every handler's page, opened before any form is sent: a form that changes things must not hide another's page.</summary>
    private async Task<List<FormTarget>> OpenPagesAsync(FormWorld world, ConcurrentQueue<string> failures)
    {
        var targets = new List<FormTarget>();
        var opened = new Dictionary<(Visitor, string), Page>();
        var handlers = await FormHandlers.DiscoverAsync(app.Services);
        Assert.Contains(handlers, h => h.ToString() == "POST /account/sign-in");
        foreach (var handler in handlers)
        {
            if (await FormTarget.FindAsync(handler, world, opened) is { } target)
            {
                targets.Add(target);
            }
            else
            {
                failures.Enqueue($"{handler}: nobody in the scenario can open its page (give its route values ids in FormWorld)");
            }
        }
        return targets;
    }

    private static async Task<int> SendAsync(FormTarget target, Visitor visitor, ConcurrentQueue<string> failures)
    {
        await visitor.RestoreAsync();
        var sent = 0;
        foreach (var form in MalformedForms.For(target, visitor.Token, user: visitor == target.Visitor))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, form.Url ?? target.Action) { Content = form.Body() };
            using var response = await visitor.Client.Http.SendAsync(request);
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Enqueue($"{target.Handler} as {visitor.Who}: {form.Field} = {form.Value} → {(int)response.StatusCode}");
            }
        }
        return sent;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FormRobustnessTests_Sqlite(SqliteApp app, ITestOutputHelper output) : FormRobustnessTests(app, output);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class FormRobustnessTests_Postgres(PostgresApp app, ITestOutputHelper output) : FormRobustnessTests(app, output);
