using System.Globalization;
using System.Text;
using Driehoek.Bench;

namespace Driehoek.Scale;

/// <summary>One page as one person opens it, timed at the smallest and the largest school.</summary>
public sealed record PageTiming(string Page, string Who, double P50Small, double P95Small, int KbSmall, double P50Large, double P95Large, int KbLarge)
{
    public double Growth => P50Small <= 0 ? 0 : P50Large / P50Small;
}

public sealed record ProviderScale(Provider Provider, BuiltBoard Board, IReadOnlyList<PageTiming> Pages);

/// <summary>
/// Scale: a board of schools (1,000–5,000 students each) imported through the app, a round published per
/// school, and the heaviest page of every capability timed at the smallest and the largest school, on
/// SQLite and PostgreSQL, one request at a time. New capabilities add their heaviest page to <see cref="Pages"/>.
/// </summary>
public static class ScaleMain
{
    private static readonly (string Page, string Who, Func<ScaleSchool, BuiltBoard, string> Url)[] Pages =
    [
        ("school page", "leader", (s, _) => $"/school/{s.Id}"),
        ("account invitations", "leader", (s, _) => $"/school/{s.Id}/invitations"),
        ("round overview (a group)", "leader", (s, _) => $"/rounds/{s.RoundId}/overview?group={s.GroupId}"),
        ("round overview API (a group)", "leader", (s, _) => $"/api/v1/rounds/{s.RoundId}/overview?group={s.GroupId}"),
        ("preparations (a group)", "leader", (s, _) => $"/rounds/{s.RoundId}/preparations?group={s.GroupId}"),
        ("letters (a group)", "leader", (s, _) => $"/rounds/{s.RoundId}/letters?group={s.GroupId}"),
        ("day list", "teacher", (s, _) => $"/rounds/{s.RoundId}/day"),
        ("parent home", "parent", (_, _) => "/parent"),
        ("board page", "board admin", (_, b) => $"/board/{b.BoardId}"),
        ("scheduler run review", "leader", (s, _) => $"/rounds/{s.EveningRoundId}/schedule/{s.EveningRunId}"),
        ("feedback totals", "leader", (s, _) => $"/school/{s.Id}/feedback"),
        ("conversations and requests", "teacher", (_, _) => "/conversations"),
        ("cycle coverage", "leader", (s, _) => $"/school/{s.Id}/coverage"),
        ("cycle coverage (a group)", "leader", (s, _) => $"/school/{s.Id}/coverage/{s.GroupId}"),
    ];

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var providers = new List<Provider> { Provider.Sqlite, Provider.Postgres };
        int schools = 20, min = 1000, max = 5000, samples = 30;
        string postgres = Environment.GetEnvironmentVariable("DRIEHOEK_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
        string? output = null;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--provider": providers = ProviderChoice.Parse(args[i + 1]); break;
                case "--schools": schools = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--min": min = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--max": max = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--samples": samples = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[i + 1]; break;
                case "--out": output = args[i + 1]; break;
                default:
                    await Console.Error.WriteLineAsync($"unknown option {args[i]}; usage: dotnet run -c Release --project bench/Scale -- " +
                                                       "[--provider sqlite|postgres|both] [--schools 20] [--min 1000] [--max 5000] [--samples 30] [--out file.md]");
                    return 2;
            }
        }
        var results = new List<ProviderScale>();
        foreach (var provider in providers)
        {
            await Console.Error.WriteLineAsync($"{provider}: building a board of {schools} schools ({min}–{max} students)…");
            // Import and publish jobs are picked up at once rather than at the runner's 5-second poll.
            Environment.SetEnvironmentVariable("Jobs__PollSeconds", "0.2");
            await using var app = new BenchApp(provider, postgres);
            await app.StartAsync();
            var board = await ScaleBoard.BuildAsync(app, schools, min, max, Console.Error);
            foreach (var school in new[] { board.Schools.MinBy(s => s.Students)!, board.Schools.MaxBy(s => s.Students)! }.Distinct())
            {
                using var leader = new BenchBrowser(app.BaseAddress);
                await leader.SignInAsync(school.LeaderEmail, ScaleBoard.Password);
                await ScaleEvening.BuildAsync(app, leader, school);
                await Console.Error.WriteLineAsync($"  school {school.Number}: a parent evening of every family scheduled in {school.Schedule.TotalSeconds:0.0} s");
            }
            results.Add(new ProviderScale(provider, board, await TimeAsync(app, board, samples)));
        }
        var report = Report(results, schools, min, max, samples);
        Console.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report);
        }
        return 0;
    }

    private static async Task<List<PageTiming>> TimeAsync(BenchApp app, BuiltBoard board, int samples)
    {
        var small = board.Schools.MinBy(s => s.Students)!;
        var large = board.Schools.MaxBy(s => s.Students)!;
        var timings = new List<PageTiming>();
        foreach (var (page, who, url) in Pages)
        {
            var a = await SampleAsync(app, board, small, who, url(small, board), samples);
            var b = await SampleAsync(app, board, large, who, url(large, board), samples);
            timings.Add(new PageTiming(page, who, a.P50, a.P95, a.Kb, b.P50, b.P95, b.Kb));
        }
        return timings;
    }

    private static async Task<(double P50, double P95, int Kb)> SampleAsync(BenchApp app, BuiltBoard board, ScaleSchool school, string who, string url, int samples)
    {
        using var browser = new BenchBrowser(app.BaseAddress);
        await browser.SignInAsync(who switch
        {
            "leader" => school.LeaderEmail, "teacher" => school.TeacherEmail, "parent" => school.ParentEmail, _ => board.AdminEmail,
        }, ScaleBoard.Password);
        var bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            bytes = (await browser.TimeAsync(url)).Bytes;
        }
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            times.Add((await browser.TimeAsync(url)).Ms);
        }
        times.Sort();
        return (Percentile(times, 0.5), Percentile(times, 0.95), (bytes + 1023) / 1024);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Report(List<ProviderScale> results, int schools, int min, int max, int samples)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Scale: a board of {schools} schools, {min:N0}–{max:N0} students each").AppendLine();
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores, {Cpu()}; load average before: {Load()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine($"Each page: {samples} requests one at a time after 3 warm-ups, signed in as the person it is for; p50/p95 in ms, HTML in KB.");
        text.AppendLine("Targets: p95 ≤ 200 ms at 5,000 students (≤ 300 ms for the board admin), growth 1,000 → 5,000 at most 5×, no page over 500 KB.").AppendLine();
        foreach (var r in results)
        {
            var small = r.Board.Schools.MinBy(s => s.Students)!;
            var large = r.Board.Schools.MaxBy(s => s.Students)!;
            text.AppendLine($"## {r.Provider}").AppendLine();
            text.AppendLine($"Built in {r.Board.Took.TotalSeconds:0} s: {r.Board.Schools.Sum(s => s.Students):N0} students imported through the import page " +
                            $"({small.Students:N0} in {small.Import.TotalSeconds:0.0} s, {large.Students:N0} in {large.Import.TotalSeconds:0.0} s); " +
                            $"round published in {small.Publish.TotalSeconds:0.0} s and {large.Publish.TotalSeconds:0.0} s; a parent evening of every " +
                            $"family scheduled by the solver (from the start on the schedule page to a finished run) in {small.Schedule.TotalSeconds:0.0} s and {large.Schedule.TotalSeconds:0.0} s.").AppendLine();
            text.AppendLine($"| page | who | {small.Students:N0}: p50 | p95 | KB | {large.Students:N0}: p50 | p95 | KB | growth | target |");
            text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|---|");
            foreach (var p in r.Pages)
            {
                var limit = p.Who == "board admin" ? 300 : 200;
                var met = p.P95Large <= limit && p.Growth <= 5 && p.KbLarge <= 500 ? "met" : "**missed**";
                text.AppendLine($"| {p.Page} | {p.Who} | {p.P50Small:0} | {p.P95Small:0} | {p.KbSmall} | {p.P50Large:0} | {p.P95Large:0} | {p.KbLarge} | {p.Growth:0.0}× | {met} |");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
