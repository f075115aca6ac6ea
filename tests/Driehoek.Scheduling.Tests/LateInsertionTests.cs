using System.Diagnostics;
using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;
using Driehoek.Scheduling.Validation;
using static Driehoek.Scheduling.Tests.TestInstances;

namespace Driehoek.Scheduling.Tests;

public class LateInsertionTests
{
    private static Instance Without(Instance instance, IReadOnlySet<string> ids) => instance with
    {
        Families = instance.Families.Select(f => f with { Requests = f.Requests.Where(r => !ids.Contains(r.Id)).ToList() }).Where(f => f.Requests.Count > 0).ToList(),
    };

    [Fact]
    public void Late_insertion_moves_no_published_meeting_and_stays_feasible()
    {
        var full = InstanceGenerator.Generate(TierSpec.Find("secondary-400"), Variant.Fragmented, 5);
        var late = full.Families.SelectMany(f => f.Requests).Where((_, i) => i % 37 == 0).Select(r => r.Id).ToHashSet();
        var published = Solver.Solve(Without(full, late), new SolverOptions { TimeBudget = TimeSpan.FromMilliseconds(300) }).Solution;

        var clock = Stopwatch.StartNew();
        var updated = LateInsertion.Insert(full, published, late);
        var elapsed = clock.Elapsed;

        Assert.All(published.Assignments, a => Assert.Contains(a, updated.Assignments));
        Assert.Equal(published.Unplaced, updated.Unplaced.Take(published.Unplaced.Count));
        Assert.True(SolutionChecker.Check(full, updated).IsFeasible);
        Assert.True(updated.Assignments.Count > published.Assignments.Count);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed}");
    }

    [Fact]
    public void A_late_family_gets_its_meetings_back_to_back_when_there_is_room()
    {
        var instance = Make(OneDay(0, 6), [new Teacher("t1"), new Teacher("t2")],
        [
            new Family("f1", [Req("r1", "s1", "t1")]),
            new Family("f2", [Req("r2", "s2", "t1"), Req("r3", "s3", "t2")]),
        ]);
        var published = Solution.Create("test", [new Assignment("r1", "t1", 1)], []);

        var updated = LateInsertion.Insert(instance, published, ["r2", "r3"]);

        var report = SolutionChecker.Check(instance, updated);
        Assert.True(report.IsFeasible);
        Assert.Equal(0, report.Metrics.TotalWaitingMinutes);
        Assert.Contains(new Assignment("r1", "t1", 1), updated.Assignments);
    }

    [Fact]
    public void Late_insertion_explains_why_a_request_cannot_be_placed()
    {
        var instance = Make(OneDay(0, 2), [new Teacher("t1")],
        [
            new Family("f1", [Req("r1", "s1", "t1"), Req("r2", "s2", "t1")]),
            new Family("f2", [Req("r3", "s3", "t1")]),
        ]);
        var published = Solution.Create("test", [new Assignment("r1", "t1", 0), new Assignment("r2", "t1", 1)], []);

        var updated = LateInsertion.Insert(instance, published, ["r3"]);

        var unplaced = Assert.Single(updated.Unplaced);
        Assert.Equal("r3", unplaced.Request);
        Assert.StartsWith("t1 is fully booked in the slots f2 can attend (tue 19:00–19:20)", unplaced.Reason, StringComparison.Ordinal);
        Assert.Equal(published.Assignments, updated.Assignments);
    }

    [Fact]
    public void Late_insertion_rejects_ids_that_do_not_match_the_instance()
    {
        var instance = Make(OneDay(0, 2), [new Teacher("t1")], [new Family("f1", [Req("r1", "s1", "t1"), Req("r2", "s2", "t1")])]);
        var published = Solution.Create("test", [new Assignment("r1", "t1", 0)], []);

        var ex = Assert.Throws<InstanceException>(() => LateInsertion.Insert(instance, published, ["r9"]));

        Assert.Contains(ex.Errors, e => e.ElementId == "r9" && e.Message.Contains("not a request", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.ElementId == "r2" && e.Message.Contains("neither in the published schedule nor listed as new", StringComparison.Ordinal));
    }
}
