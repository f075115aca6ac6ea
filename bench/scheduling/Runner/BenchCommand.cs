using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Driehoek.Scheduling.Bench.Exact;
using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Bench.Runner;

/// <summary>The benchmark's command line: <c>run</c>, <c>generate</c> and <c>optimum</c>.</summary>
public static class BenchCommand
{
    public const string Usage = """
        Usage:
          run       [--tiers all|primary|secondary|<name>,...] [--variants slack,tight,oversubscribed,fragmented]
                    [--seeds <n>] [--quick] [--threads <n>] [--budget-scale <x>] [--siblings-apart <min>] [--optimum <n>] [--no-late] [--report <file>]
          generate  --out <dir> [--tiers ...] [--variants ...] [--seeds <n>] [--small <n>]
          optimum   [--count <n>]

        Tiers: 
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var options = Options(args.Skip(1));
            return args.FirstOrDefault() switch
            {
                "run" => RunBenchmark(options, stdout),
                "generate" => Generate(options, stdout),
                "optimum" => RunOptimum(options, stdout),
                _ => Fail(stderr, args.Length == 0 ? "no command given" : $"unknown command \"{args[0]}\""),
            };
        }
        catch (ArgumentException ex)
        {
            return Fail(stderr, ex.Message);
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        stderr.WriteLine(Usage + string.Join(", ", TierSpec.All.Select(t => t.Name)));
        return 2;
    }

    private static int RunBenchmark(Dictionary<string, string> options, TextWriter stdout)
    {
        var quick = options.ContainsKey("quick");
        var settings = new BenchSettings(
            Tiers(options),
            Variants(options),
            Enumerable.Range(1, Int(options, "seeds", quick ? 1 : 3)).ToList(),
            Int(options, "threads", 2),
            Double(options, "budget-scale", quick ? 0.5 : 1.0),
            Int(options, "optimum", quick ? 10 : 30),
            !options.ContainsKey("no-late"),
            Int(options, "siblings-apart", Problem.DefaultSiblingsApartMinutes));
        var clock = Stopwatch.StartNew();
        var run = new BenchmarkRun(settings, stdout);
        run.Execute();
        var optimum = settings.OptimumCount > 0 ? OptimumSet.Run(settings.OptimumCount, settings.Threads, stdout) : [];
        var late = settings.LateInsertion
            ? settings.Tiers.Select(t => LateInsertionBench.Run(t, 10, stdout)).ToList()
            : [];
        var report = new StringBuilder();
        report.AppendLine(Machine());
        report.AppendLine(FormattableString.Invariant($"Run: seeds {settings.Seeds.Count} per variant, variants {string.Join(", ", settings.Variants)}, {settings.Threads} threads, budget scale {settings.BudgetScale}, siblings apart {settings.SiblingsApartMinutes} min, took {clock.Elapsed.TotalMinutes:0.0} min, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB."));
        report.AppendLine();
        report.AppendLine("#### Targets");
        report.AppendLine();
        report.AppendLine(Report.Targets(run.Measurements, optimum, late));
        report.AppendLine("#### Siblings together and families losing a meeting, per tier and variant (ours unless named)");
        report.AppendLine();
        report.AppendLine(Report.SiblingsPerVariant(run.Measurements));
        report.AppendLine("#### Per tier (our solver, sequential greedy, self-booking on the same instances)");
        report.AppendLine();
        report.AppendLine(Report.Tiers(run.Measurements));
        if (late.Count > 0)
        {
            report.AppendLine("#### Late insertion (10 requests one by one into a published schedule)");
            report.AppendLine();
            report.AppendLine(Report.Late(late));
        }
        stdout.WriteLine();
        stdout.WriteLine(report);
        var path = options.GetValueOrDefault("report") ?? Path.Combine("bench", "scheduling", "results", "latest.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, report.ToString());
        stdout.WriteLine($"report written to {path}");
        return 0;
    }

    private static int Generate(Dictionary<string, string> options, TextWriter stdout)
    {
        var dir = options.GetValueOrDefault("out") ?? throw new ArgumentException("generate needs --out <dir>");
        Directory.CreateDirectory(dir);
        var seeds = Int(options, "seeds", 1);
        foreach (var tier in Tiers(options))
        {
            foreach (var variant in Variants(options))
            {
                for (var seed = 1; seed <= seeds; seed++)
                {
                    Write(dir, InstanceGenerator.Generate(tier, variant, seed), stdout);
                }
            }
        }
        for (var seed = 1; seed <= Int(options, "small", 0); seed++)
        {
            Write(dir, SmallInstances.Generate(seed), stdout);
        }
        return 0;
    }

    private static void Write(string dir, Model.Instance instance, TextWriter stdout)
    {
        var path = Path.Combine(dir, instance.Name + ".json");
        File.WriteAllText(path, InstanceJson.Serialize(instance) + Environment.NewLine);
        stdout.WriteLine($"{path}: {instance.Families.Count} families, {instance.Families.Sum(f => f.Requests.Count)} requests, {instance.Teachers.Count} teachers");
    }

    private static int RunOptimum(Dictionary<string, string> options, TextWriter stdout)
    {
        var set = OptimumSet.Run(Int(options, "count", 30), Int(options, "threads", 2), stdout);
        stdout.WriteLine(Report.Optimum(set));
        return 0;
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return FormattableString.Invariant($"Machine: {Environment.ProcessorCount} cores (nproc), CPU \"{cpu ?? "unknown"}\", {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
    }

    private static IReadOnlyList<TierSpec> Tiers(Dictionary<string, string> options) => options.GetValueOrDefault("tiers", "all") switch
    {
        "all" => TierSpec.All,
        "primary" => TierSpec.All.Where(t => t.Type == SchoolType.Primary).ToList(),
        "secondary" => TierSpec.All.Where(t => t.Type == SchoolType.Secondary).ToList(),
        var list => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TierSpec.Find).ToList(),
    };

    private static IReadOnlyList<Variant> Variants(Dictionary<string, string> options) =>
        options.TryGetValue("variants", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => Enum.TryParse<Variant>(v, ignoreCase: true, out var parsed) ? parsed : throw new ArgumentException($"unknown variant \"{v}\""))
                .ToList()
            : Enum.GetValues<Variant>();

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new ArgumentException($"--{name} needs a whole number")
            : fallback;

    private static double Double(Dictionary<string, string> options, string name, double fallback) =>
        options.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"--{name} needs a positive number")
            : fallback;

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument \"{list[i]}\"");
            }
            var name = list[i][2..];
            var flag = name is "quick" or "no-late";
            result[name] = flag ? "" : i + 1 < list.Count ? list[++i] : throw new ArgumentException($"--{name} needs a value");
        }
        return result;
    }
}
