using System.Globalization;

namespace Driehoek.BookingRush;

/// <summary>
/// Booking rush: the real app on loopback, 1,000 families signing in and booking three meetings each the
/// moment booking opens, next to the database's raw insert rate measured in the same run.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project bench/BookingRush -- [--provider sqlite|postgres|both] "
                                               + "[--families 1000] [--concurrency 64] [--out file.md] [--postgres \"<connection string>\"] [--seed 1]");
            return 2;
        }
        var started = DateTime.UtcNow;
        var load = Report.LoadAverage();
        var results = new List<ProviderResult>();
        foreach (var provider in options.Providers)
        {
            results.Add(await ProviderRun.RunAsync(provider, options, Console.Error));
        }
        var report = Report.Write(options, results, load, started);
        Console.WriteLine(report);
        if (options.Out is { } path)
        {
            await File.WriteAllTextAsync(path, report);
        }
        return 0;
    }
}
