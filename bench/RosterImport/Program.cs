using System.Globalization;
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
        var results = new List<SizeResult>();
        foreach (var provider in providers)
        {
            await using var app = new BenchApp(provider, postgres);
            await app.StartAsync();
            Console.Error.WriteLine($"[{provider}] app on {app.BaseAddress}; {await app.DurabilitySettingsAsync()}");
            foreach (var size in sizes.Order())
            {
                results.Add(await ImportRun.RunAsync(app, size, seed: size, Console.Error));
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
}
