using System.Diagnostics;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling.Solving;

/// <summary>
/// The parent-evening scheduler. Builds a first feasible schedule (families hardest first, each placed
/// optimally for itself), then improves it with parallel adaptive large neighbourhood search until the
/// budget ends, the caller cancels, or the schedule provably cannot get better on placement and family cost.
/// </summary>
public static class Solver
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Solves the instance. Cancellation is honoured within milliseconds in every phase and is not an error:
    /// the best schedule found so far comes back, checked (requests of families the construction had not
    /// reached yet are unplaced with that reason).
    /// </summary>
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
        var p = new Problem(instance, options.ExtraVisitMinutes, options.SiblingsApartMinutes);
        var difficulty = Construction.Difficulty(p);
        var (initial, notReached) = Construction.Build(p, new FamilyPlanner(p), difficulty, cancellationToken);
        var firstFeasible = clock.Elapsed;
        var rng = new Random(options.Seed);
        var ejector = new Ejector(p, rng);
        ejector.PlaceAll(initial, Enumerable.Range(0, p.RequestCount).Where(r => !initial.IsPlaced(r)).ToList(), depth: 2, cancellationToken);
        var swap = new SiblingSwap(p, new Repairers(p, new FamilyPlanner(p), rng, difficulty, cancellationToken), ejector);
        swap.JoinAll(initial, rng, token: cancellationToken);
        var totalPriority = p.Priority.Sum();
        Report(options, "construct", clock, 0, initial, totalPriority);

        var bounds = SchedulingBounds.Compute(p, cancellationToken);
        var shared = new SharedBest(initial);
        var limits = new RunLimits(clock, options.EffectiveBudget(p.RequestCount), options.MaxIterations, cancellationToken);
        var workers = Enumerable.Range(0, Math.Max(1, options.MaxThreads))
            // Not HashCode.Combine: its seed differs per process, so a run with a fixed seed and iteration count would not repeat.
            .Select(i => new AlnsWorker(p, initial, shared, difficulty, unchecked((options.Seed * 1_000_003) + i), cancellationToken))
            .ToArray();
        var lastReport = clock.Elapsed;
        void OnIteration(long iteration)
        {
            if (iteration % 100 == 0)
            {
                CheckEarlyStop(options, shared, bounds, limits);
            }
            // Checked every iteration, not every segment: on a loaded machine a segment can take seconds.
            if (options.Progress is not null && clock.Elapsed - lastReport > ReportInterval)
            {
                lastReport = clock.Elapsed;
                var snapshot = new Schedule(p);
                shared.CopyTo(snapshot);
                Report(options, "improve", clock, workers.Sum(w => w.Iterations), snapshot, totalPriority);
            }
        }
        var settled = AtBounds(shared.Score, bounds) && shared.Score.Idle == 0 && shared.Score.SiblingsApart == 0;
        if (!settled && !limits.ShouldStop(0))
        {
            Report(options, "improve", clock, 0, initial, totalPriority);
            RunWorkers(workers, limits, OnIteration);
        }

        var best = new Schedule(p);
        shared.CopyTo(best);
        // The workers try swaps on their current schedules; the one handed out gets its own round.
        swap.JoinAll(best, rng, tries: 40, token: cancellationToken);
        new WholeFamilies(p).Run(best, cancellationToken);
        var solution = ToSolution(best, notReached);
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
    /// Worker 0 runs on the calling thread, the others on threads of their own rather than the thread pool: a
    /// solve keeps its cores busy for seconds, and pool threads held that long delay the host's timers and
    /// requests, including the one that cancels the solve.
    /// </summary>
    private static void RunWorkers(AlnsWorker[] workers, RunLimits limits, Action<long> onIteration)
    {
        var failures = new List<Exception>();
        void Run(AlnsWorker worker, Action<long>? callback)
        {
            try
            {
                worker.Run(limits, callback);
            }
            catch (Exception ex)
            {
                limits.StopRequested = true;
                lock (failures)
                {
                    failures.Add(ex);
                }
            }
        }
        var threads = workers.Skip(1)
            .Select(w => new Thread(() => Run(w, null)) { IsBackground = true, Name = "Driehoek scheduler worker" })
            .ToList();
        threads.ForEach(t => t.Start());
        Run(workers[0], onIteration);
        threads.ForEach(t => t.Join());
        if (failures.Count > 0)
        {
            throw new AggregateException("A scheduler worker failed.", failures);
        }
    }

    /// <summary>
    /// Placement and family cost at their bounds leave only siblings apart and teacher idle time to gain; once
    /// those have not improved for a while (15 % of the budget, at least 0.2 s) the run ends. Deterministic
    /// runs (an iteration limit) never stop on the clock.
    /// </summary>
    private static void CheckEarlyStop(SolverOptions options, SharedBest shared, SchedulingBounds bounds, RunLimits limits)
    {
        var score = shared.Score;
        if (!options.StopEarlyAtBounds || options.MaxIterations is not null || !AtBounds(score, bounds))
        {
            return;
        }
        var stalled = Stopwatch.GetElapsedTime(shared.LastImprovementTicks);
        var patience = TimeSpan.FromSeconds(Math.Max(0.2, 0.15 * limits.Budget.TotalSeconds));
        if ((score.Idle == 0 && score.SiblingsApart == 0) || stalled > patience)
        {
            limits.StopRequested = true;
        }
    }

    /// <param name="notReached">Families the construction never got to because the solve was cancelled; null when it finished.</param>
    internal static Solution ToSolution(Schedule s, bool[]? notReached = null)
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
            else if (notReached?[p.RequestFamily[r]] == true)
            {
                unplaced.Add(new Unplaced(p.RequestIds[r], $"not scheduled: the solve was cancelled before {p.FamilyIds[p.RequestFamily[r]]} was planned"));
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
