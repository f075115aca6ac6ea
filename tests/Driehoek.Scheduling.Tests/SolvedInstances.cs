using Driehoek.Scheduling.Bench.Baselines;
using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Tests;

/// <summary>
/// Generated instances solved once for all property tests: 48 seeded random instances plus the two
/// smallest benchmark tiers in every variant, each for a fixed number of iterations on one thread, so the
/// schedules (and the tests) do not depend on how busy the machine is.
/// </summary>
public sealed class SolvedInstances
{
    public SolvedInstances()
    {
        var instances = Enumerable.Range(1, 48).Select(TestInstances.Random)
            .Concat(Enum.GetValues<Variant>().SelectMany(v => new[]
            {
                InstanceGenerator.Generate(TierSpec.Find("primary-100"), v, 11),
                InstanceGenerator.Generate(TierSpec.Find("secondary-400"), v, 11),
            }))
            .ToList();
        Cases = instances
            .Select(i => (Instance: i, Result: Solver.Solve(i, new SolverOptions { TimeBudget = TimeSpan.FromMinutes(1), MaxIterations = 300, MaxThreads = 1, Seed = 3 })))
            .ToList();
    }

    public IReadOnlyList<(Instance Instance, SolveResult Result)> Cases { get; }

    public IEnumerable<(Instance Instance, SolveResult Result)> Benchmark => Cases.Where(c => !c.Instance.Name.StartsWith("random", StringComparison.Ordinal));

    public static IReadOnlyList<Solution> Baselines(Instance instance) => [SequentialGreedy.Solve(instance), SelfBooking.Solve(instance, 1)];
}
