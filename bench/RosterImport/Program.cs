using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Driehoek.Bench;

namespace Driehoek.RosterImport;

/// <summary>
/// Roster import at a board's size: generated exports of 5,000, 20,000 and 60,000 students imported through
/// the real app (upload → preview → Verwerken → the background job), then the same file again.
/// </summary>
public static class Program
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        List<Provider> providers = [Provider.Sqlite, Provider.Postgres];
        List<int> sizes = [5_000, 20_000, 60_000];
        string? output = null;
        var single = false;
        var postgres = Environment.GetEnvironmentVariable("DRIEHOEK_BENCH_POSTGRES") ?? DefaultPostgres;
        try
        {
            for (var i = 0; i < args.Length; i += 2)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--provider":
                        providers = ProviderChoice.Parse(value);
                        break;
                    case "--sizes":
                        sizes = value.Split(',').Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
                        break;
                    case "--postgres":
                        postgres = value;
                        break;
                    case "--out":
                        output = value;
                        break;
                    case "--single":
                        // One provider and size in this process, its result as JSON on stdout (how the parent runs each pass).
                        single = value == "true";
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {args[i]}");
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project bench/RosterImport -- [--provider sqlite|postgres|both] "
                                               + "[--sizes 5000,20000,60000] [--postgres \"<connection string>\"] [--out file.md]");
            return 2;
        }

        // The job runner looks for queued work every 5 s by default; the commit wait should be the import, not the poll.
        Environment.SetEnvironmentVariable("Jobs__PollSeconds", "0.2");
        var started = DateTime.UtcNow;
        if (single)
        {
            await using var app = new BenchApp(providers[0], postgres);
            await app.StartAsync();
            Console.Error.WriteLine($"[{providers[0]}] app on {app.BaseAddress}; {await app.DurabilitySettingsAsync()}");
            var result = await ImportRun.RunAsync(app, sizes[0], seed: sizes[0], Console.Error);
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        // Each provider and size runs in a process of its own, as a server runs one database: a pass's peak
        // memory is then its own, not what earlier passes left to the garbage collector.
        var results = new List<SizeResult>();
        foreach (var provider in providers)
        {
            foreach (var size in sizes.Order())
            {
                results.Add(await RunAloneAsync(provider, size, postgres));
            }
        }
        var report = Report.Write(results, started, string.Join(",", sizes), providers.Count > 1 ? "both" : providers[0].ToString().ToLowerInvariant());
        Console.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report);
        }
        return 0;
    }

    private static async Task<SizeResult> RunAloneAsync(Provider provider, int size, string postgres)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }
        foreach (var argument in (string[])["--provider", provider.ToString().ToLowerInvariant(), "--sizes", size.ToString(CultureInfo.InvariantCulture),
                                            "--postgres", postgres, "--single", "true"])
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {provider} pass of {size:N0} students failed (exit {child.ExitCode}).");
        }
        return JsonSerializer.Deserialize<SizeResult>(output.Trim().Split('\n')[^1])!;
    }
}
