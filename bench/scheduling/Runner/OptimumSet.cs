using System.Diagnostics;
using Driehoek.Scheduling.Bench.Exact;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Bench.Runner;

/// <summary>Our solver against the proven optimum on one small instance.</summary>
public sealed record OptimumComparison(string Instance, int Requests, bool Proven, long Nodes, double ExactMs,
    (long P, long C, long A, long I) Optimum, (long P, long C, long A, long I) Ours, double GapPercent)
{
    public bool Matches => Optimum == Ours;
}

/// <summary>
/// The gap on the first tier where ours differs from the optimum: placement as a share of the optimal
/// placement; family cost relative to the families' time at school (meeting minutes + optimal cost); sibling
/// families apart as a share of the sibling families that could sit in one block; idle relative to the
/// teachers' time at school (meeting minutes + optimal idle).
/// </summary>
public static class OptimumSet
{
    public static List<OptimumComparison> Run(int count, int threads, TextWriter log)
    {
        var result = new List<OptimumComparison>();
        for (var seed = 1; seed <= count; seed++)
        {
            var instance = SmallInstances.Generate(seed);
            var clock = Stopwatch.StartNew();
            var exact = ExactSolver.Solve(instance);
            var exactMs = clock.Elapsed.TotalMilliseconds;
            var ours = Solver.Solve(instance, new SolverOptions { TimeBudget = TimeSpan.FromMilliseconds(300), MaxThreads = threads, Seed = seed });
            var comparison = Compare(instance, exact, ours.Metrics, exactMs);
            result.Add(comparison);
            log.WriteLine(FormattableString.Invariant(
                $"{instance.Name}  requests {comparison.Requests,2}  optimum {comparison.Optimum}  ours {comparison.Ours}  gap {comparison.GapPercent:0.00} %  {(exact.Proven ? "proven" : "NOT proven")} in {exactMs:0} ms ({exact.Nodes} nodes)"));
        }
        return result;
    }

    public static OptimumComparison Compare(Instance instance, ExactResult exact, ScheduleMetrics ours, double exactMs)
    {
        var check = SolutionChecker.Check(instance, exact.Solution);
        if (!check.IsFeasible)
        {
            throw new InvalidOperationException($"exact solution for {instance.Name} is infeasible: {check.Violations[0]}");
        }
        var optimum = (exact.Placed, exact.FamilyCost, exact.SiblingsApart, exact.Idle);
        var mine = Objective(ours);
        var meetingMinutes = MeetingMinutes(instance, exact.Solution);
        double gap = 0;
        if (mine.P != optimum.Placed)
        {
            gap = 100.0 * (optimum.Placed - mine.P) / Math.Max(1, optimum.Placed);
        }
        else if (mine.C != optimum.FamilyCost)
        {
            gap = 100.0 * (mine.C - optimum.FamilyCost) / Math.Max(1, meetingMinutes + optimum.FamilyCost);
        }
        else if (mine.A != optimum.SiblingsApart)
        {
            gap = 100.0 * (mine.A - optimum.SiblingsApart) / Math.Max(1, ours.SiblingFamiliesPossible);
        }
        else if (mine.I != optimum.Idle)
        {
            gap = 100.0 * (mine.I - optimum.Idle) / Math.Max(1, meetingMinutes + optimum.Idle);
        }
        var requests = instance.Families.Sum(f => f.Requests.Count);
        return new OptimumComparison(instance.Name, requests, exact.Proven, exact.Nodes, exactMs, optimum, mine, gap);
    }

    /// <summary>
    /// The solver's objective from a schedule's metrics, with the default weights: placed priority; waiting
    /// + 60 per extra visit; sibling families that could sit in one block but do not; teacher idle.
    /// </summary>
    public static (long P, long C, long A, long I) Objective(ScheduleMetrics m)
    {
        long apart = m.SiblingFamiliesPossible - m.SiblingFamiliesTogether;
        return (m.PlacedPriority, m.TotalWaitingMinutes + 60L * m.ExtraVisits, apart, m.TeacherIdleMinutes);
    }

    private static long MeetingMinutes(Instance instance, Solution solution)
    {
        var lengths = instance.Families.SelectMany(f => f.Requests).ToDictionary(r => r.Id, r => r.Length, StringComparer.Ordinal);
        return solution.Assignments.Sum(a => (long)lengths[a.Request] * instance.SlotMinutes);
    }
}
