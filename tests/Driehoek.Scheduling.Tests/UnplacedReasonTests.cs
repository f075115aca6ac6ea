using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;
using static Driehoek.Scheduling.Tests.TestInstances;

namespace Driehoek.Scheduling.Tests;

public class UnplacedReasonTests
{
    private static string ReasonFor(Instance instance, string request) =>
        Solver.Solve(instance, new SolverOptions { TimeBudget = TimeSpan.FromMilliseconds(100), MaxThreads = 1 })
            .Solution.Unplaced.Single(u => u.Request == request).Reason;

    [Fact]
    public void Reason_says_the_family_is_available_in_no_session_of_the_teacher()
    {
        var instance = Make(OneDay(3, 3), [new Teacher("t07", Available: [0, 1, 2])], [new Family("f031", [Req("r1", "s1", "t07")], Available: [3, 4, 5])]);

        Assert.Equal("f031 is available in no session of t07", ReasonFor(instance, "r1"));
    }

    [Fact]
    public void Reason_says_when_family_and_teacher_share_a_session_but_never_a_time()
    {
        var instance = Make(OneDay(0, 6), [new Teacher("t07", Available: [0, 1, 2])], [new Family("f031", [Req("r1", "s1", "t07")], Available: [4, 5])]);

        Assert.Equal("f031 is never available at the same time as t07", ReasonFor(instance, "r1"));
    }

    [Fact]
    public void Reason_says_a_double_meeting_never_fits_in_the_shared_time()
    {
        var instance = Make(OneDay(0, 6), [new Teacher("t07", Available: [0, 2, 4])], [new Family("f031", [Req("r1", "s1", "t07", length: 2)])]);

        Assert.Equal("t07 and f031 are never both available for 2 consecutive slots (20 minutes) in one session", ReasonFor(instance, "r1"));
    }

    [Fact]
    public void Reason_names_the_fully_booked_teacher_the_times_and_the_demand()
    {
        var instance = Make(OneDay(0, 2), [new Teacher("t07")],
        [
            new Family("f001", [Req("r1", "s1", "t07", priority: 3)]),
            new Family("f002", [Req("r2", "s2", "t07", priority: 3)]),
            new Family("f031", [Req("r3", "s3", "t07", priority: 1)]),
        ]);

        Assert.Equal("t07 is fully booked in the slots f031 can attend (tue 19:00–19:20); t07 has 3 slots requested for 2 available", ReasonFor(instance, "r3"));
    }

    [Fact]
    public void Reason_names_both_duo_teachers_when_neither_is_free()
    {
        var instance = Make(OneDay(0, 1), [new Teacher("t11"), new Teacher("t12")],
        [
            new Family("f001", [new Request("r1", "s1", ["t11"], 1, 2)]),
            new Family("f002", [new Request("r2", "s2", ["t12"], 1, 2)]),
            new Family("f031", [new Request("r3", "s3", ["t11", "t12"], 1, 1)]),
        ]);

        Assert.StartsWith("t11 and t12 have no free slot when f031 is available", ReasonFor(instance, "r3"), StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_names_the_break_rule_when_only_a_longer_run_would_fit()
    {
        var instance = Make(OneDay(0, 3), [new Teacher("t07", MaxConsecutive: 2)],
        [
            new Family("f001", [Req("r1", "s1", "t07", priority: 2)]),
            new Family("f002", [Req("r2", "s2", "t07", priority: 2)]),
            new Family("f031", [Req("r3", "s3", "t07", priority: 1)]),
        ]);

        Assert.Contains("would exceed the maximum of 2 back-to-back", ReasonFor(instance, "r3"), StringComparison.Ordinal);
    }
}
