using System.Diagnostics;
using Driehoek.Scheduling.Bench.Baselines;
using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Bench.Runner;

/// <summary>Runs our solver and both baselines on the same generated instances and checks every schedule.</summary>
public sealed class BenchmarkRun(BenchSettings settings, TextWriter log)
{
    public List<Measurement> Measurements { get; } = [];

    public void Execute()
    {
        Warmup();
        foreach (var tier in settings.Tiers)
        {
            foreach (var variant in settings.Variants)
            {
                foreach (var seed in settings.Seeds)
                {
                    var instance = InstanceGenerator.Generate(tier, variant, seed);
                    RunOne(tier, variant, instance);
                }
            }
        }
    }

    private void RunOne(TierSpec tier, Variant variant, Instance instance)
    {
        var requests = instance.Families.Sum(f => f.Requests.Count);
        var clock = Stopwatch.StartNew();
        var greedy = SequentialGreedy.Solve(instance);
        var greedyMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var self = SelfBooking.Solve(instance, seed: 1);
        var selfMs = clock.Elapsed.TotalMilliseconds;

        SolveResult result;
        double peak;
        using (var sampler = new MemorySampler())
        {
            result = Solver.Solve(instance, new SolverOptions
            {
                TimeBudget = settings.Budget(requests),
                MaxThreads = settings.Threads,
                Seed = 1,
                SiblingsApartMinutes = settings.SiblingsApartMinutes,
            });
            peak = sampler.PeakMb;
        }
        // The solver computed the bounds already; the checker below still checks every schedule on its own.
        var bounds = result.Bounds;
        Add(tier, variant, instance, Algorithm.Solver, result.Solution, result.TimeToFirstFeasible.TotalMilliseconds, result.Elapsed.TotalMilliseconds, peak, bounds);
        Add(tier, variant, instance, Algorithm.SequentialGreedy, greedy, greedyMs, greedyMs, 0, bounds);
        Add(tier, variant, instance, Algorithm.SelfBooking, self, selfMs, selfMs, 0, bounds);
        var m = result.Metrics;
        log.WriteLine(FormattableString.Invariant(
            $"{instance.Name,-40} req {requests,5}  placed {m.PlacedPriority}/{bounds.PlacementUpperBound} ub  wait {m.TotalWaitingMinutes,5} (lb {bounds.WaitingLowerBound}) greedy {Measurements[^2].Metrics.TotalWaitingMinutes,6} self {Measurements[^1].Metrics.TotalWaitingMinutes,6}  siblings {m.SiblingFamiliesTogether}/{m.SiblingFamiliesPossible}  idle {m.TeacherIdleMinutes,6}  first {result.TimeToFirstFeasible.TotalMilliseconds,5:0} ms  total {result.Elapsed.TotalSeconds,5:0.00} s  it {result.Iterations}"));
    }

    private void Add(TierSpec tier, Variant variant, Instance instance, Algorithm algorithm, Solution solution, double firstMs, double totalMs, double peakMb, SchedulingBounds bounds)
    {
        var report = SolutionChecker.Check(instance, solution);
        if (!report.IsFeasible)
        {
            log.WriteLine($"  !! {algorithm} broke a hard rule on {instance.Name}: {report.Violations[0]}");
        }
        Measurements.Add(new Measurement(tier.Name, variant, instance.Name, algorithm, report.Metrics, report.IsFeasible, firstMs, totalMs, peakMb, bounds.PlacementUpperBound, bounds.WaitingLowerBound,
            SiblingMisses.Count(instance, solution, algorithm == Algorithm.Solver ? bounds : null)));
    }

    /// <summary>Compiles the hot paths once, so the first measured instance is not charged for the JIT.</summary>
    private static void Warmup()
    {
        var instance = InstanceGenerator.Generate(TierSpec.Find("primary-100"), Variant.Fragmented, 999);
        Solver.Solve(instance, new SolverOptions { TimeBudget = TimeSpan.FromMilliseconds(300), MaxThreads = 2 });
        var secondary = InstanceGenerator.Generate(TierSpec.Find("secondary-400"), Variant.Fragmented, 999);
        Solver.Solve(secondary, new SolverOptions { TimeBudget = TimeSpan.FromMilliseconds(300), MaxThreads = 2 });
        SequentialGreedy.Solve(instance);
        SelfBooking.Solve(instance, 1);
    }
}

/// <summary>What to run: tiers, variants, seeds, budgets and threads.</summary>
public sealed record BenchSettings(
    IReadOnlyList<TierSpec> Tiers,
    IReadOnlyList<Variant> Variants,
    IReadOnlyList<int> Seeds,
    int Threads,
    double BudgetScale,
    int OptimumCount,
    bool LateInsertion,
    int SiblingsApartMinutes = Problem.DefaultSiblingsApartMinutes)
{
    /// <summary>The solver's own default budget, scaled.</summary>
    public TimeSpan Budget(int requests) => SolverOptions.DefaultBudget(requests) * BudgetScale;
}
