using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Driehoek.BookingRush;

/// <summary>The markdown report: the machine, the settings, then per provider the figures and each target.</summary>
public static class Report
{
    public const double P99TargetMs = 300;
    public const double RatioTarget = 0.25;

    public static string Write(Options options, IReadOnlyList<ProviderResult> results, string loadBefore, DateTime started)
    {
        var s = new StringBuilder();
        s.AppendLine("# Booking rush").AppendLine();
        s.AppendLine($"- Date: {started:yyyy-MM-dd HH:mm} UTC")
            .AppendLine($"- Machine: nproc = {Environment.ProcessorCount}, CPU \"{CpuModel()}\", {RuntimeInformation.OSDescription}")
            .AppendLine($"- .NET: {RuntimeInformation.FrameworkDescription}; load average before the run: {loadBefore}")
            .AppendLine($"- Command: `dotnet run -c Release --project bench/BookingRush -- --provider {(options.Providers.Count > 1 ? "both" : options.Providers[0].ToString().ToLowerInvariant())} "
                        + $"--families {options.Families} --concurrency {options.Concurrency}`")
            .AppendLine($"- Settings: {options.Families} families, {options.Concurrency} concurrent clients, sign-in parallelism {options.SignInParallelism}, "
                        + $"random seed {options.Seed}; app in Production settings (JSON logs at Warning), in-process on Kestrel over loopback; "
                        + $"`RateLimits:SignInPerMinute` raised to {BenchApp.SignInPerMinute:N0} (a per-address limit, and every family comes from 127.0.0.1)")
            .AppendLine();

        s.AppendLine("| | " + string.Join(" | ", results.Select(r => r.Provider)) + " |");
        s.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")));
        Row(s, results, "database durability", r => r.Durability);
        Row(s, results, "families / classes / teachers", r => $"{r.Seeded.Families.Count} / {r.Seeded.Classes} / {r.Seeded.Mentors + r.Seeded.SubjectTeachers}");
        Row(s, results, "meetings wanted / slots", r => $"{r.Seeded.Demand} / {r.Seeded.Slots} ({(double)r.Seeded.Slots / r.Seeded.Demand:F2}×)");
        Row(s, results, "seeding (s)", r => F(r.Seeded.Took.TotalSeconds, 1));
        Row(s, results, "warm-up before the rush (not measured)", r => $"{r.Seeded.WarmUpFamilies} families book 3 meetings each in an earlier round");
        Row(s, results, "sign-ins before the rush (not measured)", r => $"{r.SignedIn} in {r.SignInTook.TotalSeconds:F1} s");
        Row(s, results, "bookings made", r => $"{r.Measured.Booked} ({r.Doubles.ActiveBookings} in the database)");
        Row(s, results, "meetings not found a time for", r => r.Measured.GaveUp.ToString(CultureInfo.InvariantCulture));
        Row(s, results, "rush duration (s)", r => F(r.RushTook.TotalSeconds, 2));
        Row(s, results, "**bookings/s**", r => "**" + F(r.BookingsPerSecond, 1) + "**");
        Row(s, results, "booking POST p50 / p95 / p99 (ms)", r => Percentiles(r.Measured.PostMilliseconds));
        Row(s, results, "options GET p50 / p95 / p99 (ms)", r => Percentiles(r.Measured.GetMilliseconds));
        Row(s, results, "POSTs / GETs", r => $"{r.Measured.PostMilliseconds.Count} / {r.Measured.GetMilliseconds.Count}");
        Row(s, results, "errors (5xx, timeouts, unexpected)", r => r.Measured.Errors.ToString(CultureInfo.InvariantCulture));
        Row(s, results, "lost races (409, retried)", r => r.Measured.LostRaces.ToString(CultureInfo.InvariantCulture));
        Row(s, results, "**double bookings**", r => $"**{r.Doubles.Total}** (slots {r.Doubles.SlotsBookedTwice}, household overlaps {r.Doubles.HouseholdOverlaps}, "
                                                    + $"same teacher twice {r.Doubles.StudentTeacherTwice})");
        Row(s, results, "database commands per booking (all requests of the rush, incl. outbox)", r => F((double)r.Commands / Math.Max(1, r.Measured.Booked), 1));
        Row(s, results, "machine CPU busy during the rush (every process: app and clients, database server, anything else)", r => $"{r.MachineBusy:P0}");
        Row(s, results, "CPU used during the rush (of all cores) / per booking", r =>
            $"{r.RushCpuSeconds / r.RushTook.TotalSeconds / Environment.ProcessorCount:P0} / {F(r.RushCpuSeconds * 1000 / Math.Max(1, r.Measured.Booked), 1)} ms");
        Row(s, results, "runtime during the rush: methods jitted, GCs (0/1/2), GC pause, EF query cache hits", r =>
            $"{r.Runtime.MethodsJitted} ({F(r.Runtime.JitTime.TotalSeconds, 1)} s), {r.Runtime.Gen0}/{r.Runtime.Gen1}/{r.Runtime.Gen2}, "
            + $"{F(r.Runtime.GcPause.TotalMilliseconds, 0)} ms, {(r.Runtime.QueryCacheHitRate is { } h ? F(h, 1) + " %" : "–")}");
        Row(s, results, "outbox drained after the rush (s)", r => $"{r.OutboxDrainTook.TotalSeconds:F1}{(r.OutboxLeft > 0 ? $" ({r.OutboxLeft} left)" : "")}");
        Row(s, results, "raw single-row transactional inserts/s", r => $"{r.Raw.RowsPerSecond:F0} (p50 {F(r.Raw.P50Ms, 1)} ms, p99 {F(r.Raw.P99Ms, 1)} ms, {r.Raw.Duration.TotalSeconds:F0} s)");
        Row(s, results, "**app ÷ raw**", r => $"**{r.RatioToRaw:P1}**");
        s.AppendLine();

        s.AppendLine("| target | " + string.Join(" | ", results.Select(r => r.Provider)) + " |");
        s.AppendLine("|---|" + string.Concat(results.Select(_ => "---|")));
        Row(s, results, $"booking POST p99 ≤ {P99TargetMs} ms", r => Verdict(Measurements.Percentile(r.Measured.PostMilliseconds, 99) <= P99TargetMs));
        Row(s, results, "0 double bookings", r => Verdict(r.Doubles.Total == 0));
        Row(s, results, "0 errors", r => Verdict(r.Measured.Errors == 0));
        Row(s, results, $"app rate ≥ {RatioTarget:P0} of raw inserts", r => Verdict(r.RatioToRaw >= RatioTarget));
        foreach (var r in results.Where(r => r.Measured.Errors > 0))
        {
            s.AppendLine().AppendLine($"Errors on {r.Provider}: " + string.Join("; ", r.Measured.ErrorsByKind.Select(e => $"{e.Key} × {e.Value}")));
        }
        return s.ToString();
    }

    private static void Row(StringBuilder s, IEnumerable<ProviderResult> results, string name, Func<ProviderResult, string> value) =>
        s.AppendLine($"| {name} | {string.Join(" | ", results.Select(value))} |");

    private static string Verdict(bool pass) => pass ? "PASS" : "**FAIL**";

    private static string Percentiles(IReadOnlyCollection<double> ms) =>
        $"{F(Measurements.Percentile(ms, 50), 0)} / {F(Measurements.Percentile(ms, 95), 0)} / {F(Measurements.Percentile(ms, 99), 0)}";

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
