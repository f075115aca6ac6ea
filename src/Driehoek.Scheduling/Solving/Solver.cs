using System.Diagnostics;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling.Solving;

/// <summary>
/// The parent-evening scheduler. Builds a first feasible schedule (families hardest first, each placed
/// optimally for itself), then improves it with parallel adaptive large neighbourhood search until the
/// budget ends or the schedule provably cannot get better on placement and family cost.
/// </summary>
public static class Solver
{
    /// <exception cref="InstanceException">The instance breaks the format's rules; every problem is listed.</exception>
    public static SolveResult Solve(Instance instance, SolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        options ??= new SolverOptions();
        var errors = InstanceValidator.Validate(instance);
        if (errors.Count > 0)
        {
            throw new InstanceException(errors);
        }
        var clock = Stopwatch.StartNew();
        var p = new Problem(instance, options.ExtraVisitMinutes);
        var difficulty = Construction.Difficulty(p);
        var initial = Construction.Build(p, new FamilyPlanner(p), difficulty);
        var firstFeasible = clock.Elapsed;
        new Ejector(p, new Random(options.Seed)).PlaceAll(initial, Enumerable.Range(0, p.RequestCount).Where(r => !initial.IsPlaced(r)).ToList(), depth: 2);
        var totalPriority = p.Priority.Sum();
        Report(options, "construct", clock, 0, initial, totalPriority);

        var bounds = SchedulingBounds.Compute(p);
        var shared = new SharedBest(initial);
        var budget = options.EffectiveBudget(p.RequestCount);
        var limits = new RunLimits(clock, budget, options.MaxIterations, cancellationToken);
        var threads = Math.Max(1, options.MaxThreads);
        var workers = Enumerable.Range(0, threads)
            .Select(i => new AlnsWorker(p, initial, shared, difficulty, HashCode.Combine(options.Seed, i)))
            .ToArray();
        var lastReport = clock.Elapsed;
        void OnSegment(AlnsWorker worker)
        {
            if (worker != workers[0])
            {
                return;
            }
            CheckEarlyStop(options, shared, bounds, limits);
            if (options.Progress is not null && clock.Elapsed - lastReport > TimeSpan.FromMilliseconds(250))
            {
                lastReport = clock.Elapsed;
                var snapshot = new Schedule(p);
                shared.CopyTo(snapshot);
                Report(options, "improve", clock, workers.Sum(w => w.Iterations), snapshot, totalPriority);
            }
        }
        if (!AtBounds(shared.Score, bounds) || shared.Score.Idle > 0)
        {
            Parallel.ForEach(workers, new ParallelOptions { MaxDegreeOfParallelism = threads }, w => w.Run(limits, OnSegment));
        }

        var best = new Schedule(p);
        shared.CopyTo(best);
        var solution = ToSolution(best);
        var report = SolutionChecker.Check(instance, solution);
        if (!report.IsFeasible)
        {
            throw new InvalidOperationException("The solver produced an infeasible schedule: " + string.Join("; ", report.Violations.Take(5)));
        }
        var iterations = workers.Sum(w => w.Iterations);
        Report(options, "done", clock, iterations, best, totalPriority);
        return new SolveResult(solution, report.Metrics, bounds, firstFeasible, clock.Elapsed, iterations);
    }

    internal static bool AtBounds(Score score, SchedulingBounds bounds) =>
        score.Placed >= bounds.PlacementUpperBound && score.FamilyCost <= bounds.FamilyCostLowerBound;

    /// <summary>
    /// Placement and family cost at their bounds leave only teacher idle time to gain; once that has not
    /// improved for a while (15 % of the budget, at least 0.2 s) the run ends. Deterministic runs
    /// (an iteration limit) never stop on the clock.
    /// </summary>
    private static void CheckEarlyStop(SolverOptions options, SharedBest shared, SchedulingBounds bounds, RunLimits limits)
    {
        if (!options.StopEarlyAtBounds || options.MaxIterations is not null || !AtBounds(shared.Score, bounds))
        {
            return;
        }
        var stalled = Stopwatch.GetElapsedTime(shared.LastImprovementTicks);
        var patience = TimeSpan.FromSeconds(Math.Max(0.2, 0.15 * limits.Budget.TotalSeconds));
        if (shared.Score.Idle == 0 || stalled > patience)
        {
            limits.StopRequested = true;
        }
    }

    internal static Solution ToSolution(Schedule s)
    {
        var p = s.P;
        var assignments = new List<Assignment>();
        var unplaced = new List<Unplaced>();
        for (var r = 0; r < p.RequestCount; r++)
        {
            if (s.IsPlaced(r))
            {
                assignments.Add(new Assignment(p.RequestIds[r], p.TeacherIds[s.Teacher[r]], s.Start[r]));
            }
            else
            {
                unplaced.Add(new Unplaced(p.RequestIds[r], UnplacedReasons.Explain(s, r)));
            }
        }
        return Solution.Create(p.Instance.Name, assignments, unplaced);
    }

    private static void Report(SolverOptions options, string phase, Stopwatch clock, long iterations, Schedule s, int totalPriority)
    {
        options.Progress?.Report(new SolverProgress(
            phase, clock.Elapsed, iterations, s.PlacedPriority, totalPriority,
            s.Teacher.Count(t => t < 0), s.FamilyWaiting.Sum(), s.TotalFamilyCost, s.TotalIdle));
    }
}
