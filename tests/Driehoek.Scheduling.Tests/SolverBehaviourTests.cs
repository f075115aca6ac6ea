using System.Diagnostics;
using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Tests;

public class SolverBehaviourTests
{
    [Fact]
    public void Single_threaded_solve_with_a_seed_and_an_iteration_limit_is_deterministic()
    {
        var instance = InstanceGenerator.Generate(TierSpec.Find("secondary-400"), Variant.Tight, 2);
        var options = new SolverOptions { MaxThreads = 1, Seed = 42, MaxIterations = 400, TimeBudget = TimeSpan.FromMinutes(1) };

        var first = SolutionJson.Serialize(Solver.Solve(instance, options).Solution);
        var second = SolutionJson.Serialize(Solver.Solve(instance, options).Solution);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Cancelled_solve_of_the_largest_school_returns_a_feasible_schedule_within_two_seconds()
    {
        var instance = InstanceGenerator.Generate(TierSpec.Find("secondary-2000-3ev"), Variant.Fragmented, 1);
        using var cancel = new CancellationTokenSource();
        long cancelledAt = 0;
        // A thread of its own, not a timer: a loaded thread pool would delay the cancel itself, not the solver.
        var canceller = new Thread(() =>
        {
            Thread.Sleep(300);
            Volatile.Write(ref cancelledAt, Stopwatch.GetTimestamp());
            cancel.Cancel();
        });
        canceller.Start();

        var result = Solver.Solve(instance, new SolverOptions { TimeBudget = TimeSpan.FromMinutes(1) }, cancel.Token);
        var returnedAt = Stopwatch.GetTimestamp();
        canceller.Join();

        var stopping = Stopwatch.GetElapsedTime(Volatile.Read(ref cancelledAt), returnedAt);
        Assert.True(stopping < TimeSpan.FromSeconds(2), $"took {stopping.TotalMilliseconds:0} ms to stop after the cancel");
        Assert.True(SolutionChecker.Check(instance, result.Solution).IsFeasible);
    }

    [Fact]
    public void Solve_cancelled_before_it_starts_returns_every_request_unplaced_with_the_reason()
    {
        var instance = InstanceGenerator.Generate(TierSpec.Find("secondary-1000"), Variant.Tight, 1);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var result = Solver.Solve(instance, new SolverOptions { TimeBudget = TimeSpan.FromMinutes(1) }, cancel.Token);

        Assert.True(SolutionChecker.Check(instance, result.Solution).IsFeasible);
        Assert.Empty(result.Solution.Assignments);
        Assert.Equal(instance.Families.Sum(f => f.Requests.Count), result.Solution.Unplaced.Count);
        Assert.All(result.Solution.Unplaced, u => Assert.Contains("the solve was cancelled before", u.Reason, StringComparison.Ordinal));
        Assert.False(result.Bounds.Complete);
        Assert.False(result.PlacementProvenOptimal);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void Bounds_cut_short_by_cancellation_are_the_trivial_ones()
    {
        var p = new Problem(InstanceGenerator.Generate(TierSpec.Find("primary-100"), Variant.Tight, 1));

        var bounds = SchedulingBounds.Compute(p, new CancellationToken(canceled: true));

        Assert.False(bounds.Complete);
        Assert.Equal(p.Priority.Sum(), bounds.PlacementUpperBound);
        Assert.Equal(0, bounds.FamilyCostLowerBound);
        Assert.True(SchedulingBounds.Compute(p).Complete);
    }

    [Fact]
    public void Progress_reports_construction_improvement_and_the_end()
    {
        var instance = InstanceGenerator.Generate(TierSpec.Find("secondary-400"), Variant.Fragmented, 3);
        var reports = new List<SolverProgress>();
        var progress = new SynchronousProgress(reports);

        var result = Solver.Solve(instance, new SolverOptions { TimeBudget = TimeSpan.FromMilliseconds(700), Progress = progress, StopEarlyAtBounds = false });

        lock (reports)
        {
            Assert.Equal("construct", reports[0].Phase);
            Assert.Contains(reports, r => r.Phase == "improve");
            Assert.Equal("done", reports[^1].Phase);
            Assert.Equal(result.Metrics.PlacedPriority, reports[^1].PlacedPriority);
        }
    }

    [Fact]
    public void First_schedule_improves_or_stays_and_the_result_reports_its_timings()
    {
        var instance = InstanceGenerator.Generate(TierSpec.Find("primary-226"), Variant.Fragmented, 1);
        var reports = new List<SolverProgress>();

        var result = Solver.Solve(instance, new SolverOptions { TimeBudget = TimeSpan.FromMilliseconds(500), Progress = new SynchronousProgress(reports) });

        Assert.True(result.TimeToFirstFeasible <= result.Elapsed);
        Assert.True(result.Iterations > 0);
        lock (reports)
        {
            Assert.True(reports[^1].FamilyCost <= reports[0].FamilyCost || reports[^1].PlacedPriority > reports[0].PlacedPriority);
        }
    }

    private sealed class SynchronousProgress(List<SolverProgress> reports) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
