using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Tests;

/// <summary>
/// Property-style tests: every hard rule, re-checked here with code of its own, on every generated
/// instance of <see cref="SolvedInstances"/>.
/// </summary>
public class SolverPropertyTests(SolvedInstances solved) : IClassFixture<SolvedInstances>
{
    private sealed record Placed(Request Request, Family Family, string Teacher, int Start)
    {
        public int End => Start + Request.Length;
    }

    private static List<Placed> Meetings(Instance instance, Solution solution)
    {
        var requests = instance.Families.SelectMany(f => f.Requests.Select(r => (r, f))).ToDictionary(x => x.r.Id, StringComparer.Ordinal);
        return solution.Assignments.Select(a => new Placed(requests[a.Request].r, requests[a.Request].f, a.Teacher, a.Start)).ToList();
    }

    [Fact]
    public void Solver_output_passes_the_independent_checker_on_every_generated_instance()
    {
        foreach (var (instance, result) in solved.Cases)
        {
            var report = SolutionChecker.Check(instance, result.Solution);
            Assert.True(report.IsFeasible, $"{instance.Name}: {string.Join("; ", report.Violations)}");
        }
    }

    [Fact]
    public void Every_request_is_placed_or_unplaced_exactly_once()
    {
        foreach (var (instance, result) in solved.Cases)
        {
            var ids = result.Solution.Assignments.Select(a => a.Request).Concat(result.Solution.Unplaced.Select(u => u.Request)).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(instance.Families.SelectMany(f => f.Requests).Select(r => r.Id).Order(), ids.Order());
        }
    }

    [Fact]
    public void Solver_never_double_books_a_teacher_or_a_family()
    {
        foreach (var (instance, result) in solved.Cases)
        {
            var meetings = Meetings(instance, result.Solution);
            foreach (var group in meetings.GroupBy(m => m.Teacher).Concat(meetings.GroupBy(m => m.Family.Id)))
            {
                var slots = group.SelectMany(m => Enumerable.Range(m.Start, m.Request.Length)).ToList();
                Assert.True(slots.Count == slots.Distinct().Count(), $"{instance.Name}: {group.Key} is double-booked");
            }
        }
    }

    [Fact]
    public void Solver_keeps_every_meeting_in_one_session_with_a_listed_teacher_and_everyone_available()
    {
        foreach (var (instance, result) in solved.Cases)
        {
            var calendar = SlotCalendar.From(instance);
            var teachers = instance.Teachers.ToDictionary(t => t.Id);
            foreach (var m in Meetings(instance, result.Solution))
            {
                Assert.Contains(m.Teacher, m.Request.Teachers);
                Assert.Equal(calendar.SessionOf(m.Start), calendar.SessionOf(m.End - 1));
                for (var k = m.Start; k < m.End; k++)
                {
                    Assert.True(teachers[m.Teacher].Available?.Contains(k) ?? true, $"{instance.Name}: {m.Request.Id} outside {m.Teacher}'s time");
                    Assert.True(m.Family.Available?.Contains(k) ?? true, $"{instance.Name}: {m.Request.Id} outside {m.Family.Id}'s time");
                }
            }
        }
    }

    [Fact]
    public void Solver_never_puts_more_meetings_back_to_back_than_a_teacher_allows()
    {
        foreach (var (instance, result) in solved.Cases)
        {
            var calendar = SlotCalendar.From(instance);
            foreach (var teacher in instance.Teachers.Where(t => t.MaxConsecutive is not null))
            {
                var mine = Meetings(instance, result.Solution).Where(m => m.Teacher == teacher.Id).OrderBy(m => m.Start).ToList();
                var run = 1;
                for (var i = 1; i < mine.Count; i++)
                {
                    run = mine[i].Start == mine[i - 1].End && calendar.SessionOf(mine[i].Start) == calendar.SessionOf(mine[i - 1].Start) ? run + 1 : 1;
                    Assert.True(run <= teacher.MaxConsecutive, $"{instance.Name}: {teacher.Id} holds {run} in a row");
                }
            }
        }
    }

    [Fact]
    public void Every_unplaced_request_has_a_reason_that_names_its_family_or_teacher()
    {
        var requests = solved.Cases.SelectMany(c => c.Instance.Families.SelectMany(f => f.Requests.Select(r => (c.Instance.Name, r.Id, Family: f.Id, r.Teachers))))
            .ToDictionary(x => (x.Name, x.Id));
        foreach (var (instance, result) in solved.Cases)
        {
            foreach (var u in result.Solution.Unplaced)
            {
                var request = requests[(instance.Name, u.Request)];
                Assert.True(u.Reason.Contains(request.Family, StringComparison.Ordinal) || request.Teachers.Any(t => u.Reason.Contains(t, StringComparison.Ordinal)), u.Reason);
            }
        }
    }

    [Fact]
    public void Placement_never_exceeds_the_upper_bound_and_waiting_never_undercuts_the_lower_bound_when_all_is_placed()
    {
        foreach (var (instance, result) in solved.Cases)
        {
            Assert.True(result.Metrics.PlacedPriority <= result.Bounds.PlacementUpperBound, instance.Name);
            if (result.Metrics.PlacedCount == result.Metrics.RequestCount)
            {
                Assert.True(result.Metrics.TotalWaitingMinutes + 60L * result.Metrics.ExtraVisits >= result.Bounds.FamilyCostLowerBound, instance.Name);
            }
        }
    }

    [Fact]
    public void Solver_never_places_less_than_either_baseline()
    {
        foreach (var (instance, result) in solved.Cases)
        {
            foreach (var baseline in SolvedInstances.Baselines(instance))
            {
                var theirs = SolutionChecker.Check(instance, baseline);
                Assert.True(theirs.IsFeasible, $"baseline broke a rule on {instance.Name}: {string.Join("; ", theirs.Violations)}");
                Assert.True(result.Metrics.PlacedPriority >= theirs.Metrics.PlacedPriority, $"{instance.Name}: {result.Metrics.PlacedPriority} < {theirs.Metrics.PlacedPriority}");
            }
        }
    }

    [Fact]
    public void Benchmark_instances_never_wait_more_than_with_sequential_greedy()
    {
        foreach (var (instance, result) in solved.Benchmark)
        {
            var greedy = SolutionChecker.Check(instance, SolvedInstances.Baselines(instance)[0]).Metrics;
            Assert.True(result.Metrics.TotalWaitingMinutes <= greedy.TotalWaitingMinutes, $"{instance.Name}: {result.Metrics.TotalWaitingMinutes} > {greedy.TotalWaitingMinutes}");
        }
    }

    [Fact]
    public void Primary_schedules_have_no_waiting_when_the_per_family_bound_is_zero()
    {
        foreach (var (instance, result) in solved.Benchmark.Where(c => c.Instance.Name.StartsWith("primary", StringComparison.Ordinal)))
        {
            if (result.Bounds.WaitingLowerBound == 0)
            {
                Assert.Equal(0, result.Metrics.TotalWaitingMinutes);
            }
        }
    }
}
