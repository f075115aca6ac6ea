using System.Globalization;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling.Cli;

/// <summary>
/// <c>solve instance.json</c> writes the solution JSON to stdout; <c>check instance.json solution.json</c>
/// validates a solution and prints its metrics; <c>validate instance.json</c> lists the instance's problems.
/// Exit codes: 0 fine, 1 the solution breaks a hard rule, 2 bad input or usage.
/// </summary>
public static class CliApp
{
    public const string Usage = """
        Usage:
          driehoek-ptc solve <instance.json> [--time <seconds>] [--seed <n>] [--threads <n>] [--iterations <n>]
                             [--siblings-apart <minutes>] [--out <file>] [--quiet] [--progress]
          driehoek-ptc check <instance.json> <solution.json>
          driehoek-ptc validate <instance.json>

        solve     writes the driehoek-ptc-solution/1 JSON to stdout (or --out) and a summary to stderr;
                  Ctrl+C stops the search and still writes the best schedule found so far
        check     lists broken hard rules and prints the metrics; exit code 1 when a rule is broken
        validate  lists every problem in an instance; exit code 2 when there is one
        """;

    /// <param name="cancellationToken">Stops a running <c>solve</c>, which then writes the best schedule found so far.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "solve" => Solve(args[1..], stdout, stderr, cancellationToken),
                "check" => Check(args[1..], stdout, stderr),
                "validate" => Validate(args[1..], stdout, stderr),
                "help" or "--help" or "-h" => Help(stdout),
                _ => UsageError(stderr, args.Length == 0 ? "no command given" : $"unknown command \"{args[0]}\""),
            };
        }
        catch (InstanceException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (IOException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 2;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return 0;
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        stderr.WriteLine(Usage);
        return 2;
    }

    private static int Solve(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (positional, options) = ParseArguments(args);
        if (positional.Count != 1)
        {
            return UsageError(stderr, "solve needs exactly one instance file");
        }
        var instance = InstanceJson.ParseValidated(File.ReadAllText(positional[0]));
        var solverOptions = new SolverOptions
        {
            TimeBudget = options.TryGetValue("time", out var time) ? TimeSpan.FromSeconds(Number(time, "time")) : null,
            Seed = options.TryGetValue("seed", out var seed) ? (int)Number(seed, "seed") : 1,
            MaxThreads = options.TryGetValue("threads", out var threads) ? (int)Number(threads, "threads") : Environment.ProcessorCount,
            MaxIterations = options.TryGetValue("iterations", out var iterations) ? (long)Number(iterations, "iterations") : null,
            Progress = options.ContainsKey("progress") ? new ConsoleProgress(stderr) : null,
        };
        if (options.TryGetValue("siblings-apart", out var apart))
        {
            solverOptions = solverOptions with { SiblingsApartMinutes = (int)Number(apart, "siblings-apart") };
        }
        var result = Solver.Solve(instance, solverOptions, cancellationToken);
        var json = SolutionJson.Serialize(result.Solution);
        if (options.TryGetValue("out", out var outFile))
        {
            File.WriteAllText(outFile, json + Environment.NewLine);
        }
        else
        {
            stdout.WriteLine(json);
        }
        if (!options.ContainsKey("quiet"))
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{instance.Name}: first feasible {result.TimeToFirstFeasible.TotalMilliseconds:0} ms, total {result.Elapsed.TotalSeconds:0.00} s, {result.Iterations} iterations"));
            WriteMetrics(stderr, result.Metrics, result.Bounds);
        }
        return 0;
    }

    private static int Check(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (positional, _) = ParseArguments(args);
        if (positional.Count != 2)
        {
            return UsageError(stderr, "check needs an instance file and a solution file");
        }
        var instance = InstanceJson.ParseValidated(File.ReadAllText(positional[0]));
        var solution = SolutionJson.Parse(File.ReadAllText(positional[1]));
        var report = SolutionChecker.Check(instance, solution);
        if (report.IsFeasible)
        {
            stdout.WriteLine("feasible: every hard rule holds");
        }
        else
        {
            stdout.WriteLine($"infeasible: {report.Violations.Count} broken hard rule(s)");
            foreach (var v in report.Violations)
            {
                stdout.WriteLine("  " + v);
            }
        }
        WriteMetrics(stdout, report.Metrics, SchedulingBounds.Compute(instance));
        return report.IsFeasible ? 0 : 1;
    }

    private static int Validate(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (positional, _) = ParseArguments(args);
        if (positional.Count != 1)
        {
            return UsageError(stderr, "validate needs exactly one instance file");
        }
        var instance = InstanceJson.Parse(File.ReadAllText(positional[0]));
        var errors = InstanceValidator.Validate(instance);
        foreach (var e in errors)
        {
            stderr.WriteLine(e);
        }
        if (errors.Count == 0)
        {
            stdout.WriteLine($"valid: {instance.Families.Count} families, {instance.Families.Sum(f => f.Requests.Count)} requests, {instance.Teachers.Count} teachers, {SlotCalendar.From(instance).SlotCount} slots");
        }
        return errors.Count == 0 ? 0 : 2;
    }

    private static void WriteMetrics(TextWriter w, ScheduleMetrics m, SchedulingBounds bounds)
    {
        string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        w.WriteLine(Line($"placement:          {m.PlacedPriority} of {m.TotalPriority} priority ({m.PlacedCount} of {m.RequestCount} requests); upper bound {bounds.PlacementUpperBound}"));
        w.WriteLine(Line($"parent waiting:     total {m.TotalWaitingMinutes} min, max {m.MaxWaitingMinutes} min, {m.FamiliesWaiting} of {m.FamiliesAttending} families wait ({m.ShareFamiliesWaiting:P1}); per-family bound {bounds.WaitingLowerBound} min"));
        w.WriteLine(Line($"extra visits:       {m.ExtraVisits}"));
        w.WriteLine(Line($"siblings together:  {m.SiblingFamiliesTogether} of {m.SiblingFamiliesPossible} possible ({m.SiblingsTogetherShare:P1})"));
        w.WriteLine(Line($"teacher idle:       {m.TeacherIdleMinutes} min"));
    }

    private static double Number(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new InstanceException([new InstanceError("--" + name, null, $"expected a non-negative number, got \"{text}\"")]);

    private static (List<string> Positional, Dictionary<string, string> Options) ParseArguments(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            var flag = name is "quiet" or "progress";
            options[name] = flag ? "" : i + 1 < args.Length ? args[++i] : throw new InstanceException([new InstanceError("--" + name, null, "needs a value")]);
        }
        return (positional, options);
    }

    /// <summary>Writes progress synchronously: <see cref="Progress{T}"/> would post to the thread pool and lose ordering.</summary>
    private sealed class ConsoleProgress(TextWriter writer) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{value.Elapsed.TotalSeconds,6:0.000} s  {value.Phase,-9} placed {value.PlacedPriority}/{value.TotalPriority}  unplaced {value.Unplaced}  waiting {value.WaitingMinutes} min  family cost {value.FamilyCost}  idle {value.TeacherIdleMinutes} min  iterations {value.Iterations}"));
    }
}
