using Driehoek.Scheduling.Bench.Exact;
using Driehoek.Scheduling.Bench.Runner;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Tests;

public class ExactOptimumTests
{
    [Fact]
    public void Solver_reaches_the_proven_optimum_on_the_small_set()
    {
        for (var seed = 1; seed <= 24; seed++)
        {
            var instance = SmallInstances.Generate(seed);
            var exact = ExactSolver.Solve(instance);
            Assert.True(exact.Proven, $"{instance.Name} not proven");

            // An iteration count, not a time budget: a loaded CI machine must get the same schedule.
            var ours = Solver.Solve(instance, new SolverOptions { MaxIterations = 3000, MaxThreads = 1, Seed = seed });

            var comparison = OptimumSet.Compare(instance, exact, ours.Metrics, 0);
            Assert.True(comparison.Matches, $"{instance.Name}: optimum {comparison.Optimum}, ours {comparison.Ours}");
        }
    }

    [Fact]
    public void Exact_solver_agrees_with_brute_force_on_tiny_instances()
    {
        for (var seed = 100; seed < 130; seed++)
        {
            var instance = Tiny(seed);
            var exact = ExactSolver.Solve(instance);

            var brute = BruteForce(instance);

            Assert.Equal(brute, (exact.Placed, exact.FamilyCost, exact.SiblingsApart, exact.Idle));
            Assert.True(SolutionChecker.Check(instance, exact.Solution).IsFeasible);
        }
    }

    [Fact]
    public void Proven_optimum_respects_the_bounds()
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            var instance = SmallInstances.Generate(seed);
            var exact = ExactSolver.Solve(instance);
            var bounds = SchedulingBounds.Compute(instance);

            Assert.True(exact.Placed <= bounds.PlacementUpperBound, instance.Name);
        }
    }

    /// <summary>Up to four requests over six slots: small enough to try every assignment.</summary>
    private static Instance Tiny(int seed)
    {
        var rng = new Random(seed);
        var teachers = new List<Teacher> { new("t1", MaxConsecutive: rng.Next(2) == 0 ? 2 : null), new("t2", Available: [0, 1, 2, 4, 5]) };
        var families = new List<Family>();
        var id = 0;
        for (var f = 0; f < 2 + rng.Next(2); f++)
        {
            var requests = Enumerable.Range(0, Math.Min(4 - id, 1 + rng.Next(2)))
                .Select(_ => new Request($"r{id++}", $"s{f}{rng.Next(2)}", rng.Next(4) == 0 ? ["t1", "t2"] : [rng.Next(2) == 0 ? "t1" : "t2"], rng.Next(5) == 0 ? 2 : 1, 1 + rng.Next(2)))
                .ToList();
            if (requests.Count > 0)
            {
                families.Add(new Family($"f{f}", requests, rng.Next(3) == 0 ? [1, 2, 3, 4] : null));
            }
        }
        return TestInstances.Make(TestInstances.OneDay(3, 3), teachers, families, $"tiny-{seed}");
    }

    /// <summary>Every combination of (teacher, start) or unplaced per request, scored by the checker.</summary>
    private static (long, long, long, long) BruteForce(Instance instance)
    {
        var requests = instance.Families.SelectMany(f => f.Requests).ToList();
        var slots = SlotCalendar.From(instance).SlotCount;
        var options = requests.Select(r => r.Teachers.SelectMany(t => Enumerable.Range(0, slots).Select(s => (Teacher: t, Start: s))).Append((Teacher: "", Start: -1)).ToList()).ToList();
        var best = (-1L, 0L, 0L, 0L);
        var choice = new int[requests.Count];
        while (true)
        {
            var assignments = new List<Assignment>();
            var unplaced = new List<Unplaced>();
            for (var i = 0; i < requests.Count; i++)
            {
                var (t, s) = options[i][choice[i]];
                if (s < 0)
                {
                    unplaced.Add(new Unplaced(requests[i].Id, "-"));
                }
                else
                {
                    assignments.Add(new Assignment(requests[i].Id, t, s));
                }
            }
            var report = SolutionChecker.Check(instance, Solution.Create(instance.Name, assignments, unplaced));
            if (report.IsFeasible)
            {
                var score = OptimumSet.Objective(report.Metrics);
                if (score.P > best.Item1 || (score.P == best.Item1 && (score.C < best.Item2
                    || (score.C == best.Item2 && (score.A < best.Item3 || (score.A == best.Item3 && score.I < best.Item4))))))
                {
                    best = score;
                }
            }
            var k = 0;
            while (k < requests.Count && ++choice[k] == options[k].Count)
            {
                choice[k++] = 0;
            }
            if (k == requests.Count)
            {
                return best;
            }
        }
    }
}
