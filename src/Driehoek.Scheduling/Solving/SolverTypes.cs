using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Solving;

/// <summary>How long and how the solver may search.</summary>
public sealed record SolverOptions
{
    /// <summary>Wall-clock budget for the whole solve; null picks <see cref="DefaultBudget"/>, or none when <see cref="MaxIterations"/> is set.</summary>
    public TimeSpan? TimeBudget { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Parallel search workers (each on its own thread); defaults to the machine's processor count.</summary>
    public int MaxThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Iterations per worker. With <see cref="MaxThreads"/> = 1 a run that ends here is deterministic for its seed.</summary>
    public long? MaxIterations { get; init; }

    /// <summary>One extra evening a family must come counts as this many minutes of waiting.</summary>
    public int ExtraVisitMinutes { get; init; } = Problem.DefaultExtraVisitMinutes;

    /// <summary>
    /// A family with several students that could meet all its teachers in one unbroken block on one day, but
    /// does not, counts as this many minutes of family cost on top of its waiting and extra visits: other
    /// families may then wait or come twice for up to this much more to make room for the block. The default
    /// 0 keeps the format's order, where siblings together only decides between schedules equal in placement,
    /// waiting and extra visits.
    /// </summary>
    public int SiblingsApartMinutes { get; init; } = Problem.DefaultSiblingsApartMinutes;

    /// <summary>Stop before the budget when placement and family cost reach their bounds and the search has stalled.</summary>
    public bool StopEarlyAtBounds { get; init; } = true;

    public IProgress<SolverProgress>? Progress { get; init; }

    /// <summary>
    /// An iteration limit without a time budget is a deterministic run: it ends on the count, never on the
    /// clock, so a loaded machine gives the same schedule, only later.
    /// </summary>
    internal TimeSpan EffectiveBudget(int requestCount) =>
        TimeBudget ?? (MaxIterations is null ? DefaultBudget(requestCount) : TimeSpan.MaxValue);

    /// <summary>
    /// 1.8 s up to 1,200 requests (every primary school up to 1,000 pupils), 9 s above: the whole solve,
    /// writing the schedule included, then stays within 2 s and 10 s.
    /// </summary>
    public static TimeSpan DefaultBudget(int requestCount) => TimeSpan.FromSeconds(requestCount <= 1200 ? 1.8 : 9);
}

/// <summary>What a progress page shows: the phase ("construct", "improve", "done") and the best schedule so far.</summary>
public sealed record SolverProgress(
    string Phase,
    TimeSpan Elapsed,
    long Iterations,
    long PlacedPriority,
    int TotalPriority,
    int Unplaced,
    long WaitingMinutes,
    long FamilyCost,
    long TeacherIdleMinutes);

/// <summary>The solver's answer: the schedule, its checked metrics, the bounds it was measured against, and timings.</summary>
public sealed record SolveResult(
    Solution Solution,
    ScheduleMetrics Metrics,
    SchedulingBounds Bounds,
    TimeSpan TimeToFirstFeasible,
    TimeSpan Elapsed,
    long Iterations)
{
    /// <summary>Placement equals the upper bound, so no schedule can place more.</summary>
    public bool PlacementProvenOptimal => Metrics.PlacedPriority >= Bounds.PlacementUpperBound;
}
