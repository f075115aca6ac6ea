using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using static Driehoek.Scheduling.Tests.TestInstances;

namespace Driehoek.Scheduling.Tests;

public class CheckerTests
{
    // Slots 0–3: 15:00–15:40; slots 4–7: 19:00–19:40.
    private static readonly Instance Instance = Make(
        OneDay(4, 4),
        [new Teacher("t1", MaxConsecutive: 2), new Teacher("t2", Available: [0, 1, 2, 3, 4, 5])],
        [
            new Family("f1", [Req("r1", "s1", "t1"), Req("r2", "s2", "t2")]),
            new Family("f2", [Req("r3", "s3", "t1")]),
            new Family("f3", [Req("r4", "s4", "t1", length: 2)], Available: [0, 1, 2, 3]),
        ]);

    private static CheckReport Check(params Assignment[] assignments)
    {
        var placed = assignments.Select(a => a.Request).ToHashSet();
        var unplaced = new[] { "r1", "r2", "r3", "r4" }.Where(r => !placed.Contains(r)).Select(r => new Unplaced(r, "test")).ToList();
        return SolutionChecker.Check(Instance, Solution.Create("test", assignments, unplaced));
    }

    [Fact]
    public void Checker_accepts_a_feasible_schedule_and_measures_it()
    {
        var report = Check(new("r1", "t1", 0), new("r2", "t2", 1), new("r3", "t1", 1));

        Assert.True(report.IsFeasible, string.Join("; ", report.Violations));
        Assert.Equal(3, report.Metrics.PlacedPriority);
        Assert.Equal(0, report.Metrics.TotalWaitingMinutes);
        Assert.Equal(1, report.Metrics.SiblingFamiliesTogether);
    }

    [Fact]
    public void Checker_counts_the_families_that_lose_a_meeting()
    {
        var report = Check(new("r1", "t1", 0), new("r3", "t1", 1));

        // f1 lost r2, f3 lost its only request, f2 is whole.
        Assert.Equal(2, report.Metrics.FamiliesShort);
        Assert.Equal(0, Check(new("r1", "t1", 0), new("r2", "t2", 1), new("r3", "t1", 4), new("r4", "t1", 2)).Metrics.FamiliesShort);
    }

    [Fact]
    public void Checker_flags_a_teacher_in_two_meetings_at_once()
    {
        var report = Check(new("r1", "t1", 0), new("r3", "t1", 0));

        var violation = Assert.Single(report.Violations);
        Assert.Equal("overlap", violation.Rule);
        Assert.Equal("t1", violation.Element);
    }

    [Fact]
    public void Checker_flags_a_family_in_two_meetings_at_once()
    {
        var report = Check(new("r1", "t1", 2), new("r2", "t2", 2));

        Assert.Equal("f1", Assert.Single(report.Violations).Element);
    }

    [Fact]
    public void Checker_flags_a_meeting_outside_someones_availability()
    {
        var report = Check(new("r2", "t2", 7), new("r4", "t1", 4));

        Assert.Contains(report.Violations, v => v.Rule == "availability" && v.Message.StartsWith("t2 is not available at slot 7", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Rule == "availability" && v.Message.StartsWith("f3 is not available at slot 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_flags_a_meeting_that_runs_over_the_end_of_its_session()
    {
        var report = Check(new Assignment("r4", "t1", 3));

        Assert.Equal("session", Assert.Single(report.Violations).Rule);
    }

    [Fact]
    public void Checker_flags_more_meetings_back_to_back_than_allowed()
    {
        var report = Check(new("r1", "t1", 4), new("r3", "t1", 5), new("r4", "t1", 0), new("r2", "t2", 0));
        Assert.True(report.IsFeasible);

        var tooMany = Check(new("r4", "t1", 0), new("r1", "t1", 2), new("r3", "t1", 3));

        var violation = Assert.Single(tooMany.Violations);
        Assert.Equal("maxConsecutive", violation.Rule);
        Assert.Contains("3 meetings back-to-back", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_flags_requests_missing_twice_or_unknown()
    {
        var solution = Solution.Create("test",
            [new Assignment("r1", "t1", 0), new Assignment("r1", "t1", 1), new Assignment("r9", "t1", 2)],
            [new Unplaced("r2", "")]);

        var report = SolutionChecker.Check(Instance, solution);

        Assert.Contains(report.Violations, v => v is { Rule: "accounted", Element: "r1" });
        Assert.Contains(report.Violations, v => v is { Rule: "reference", Element: "r9" });
        Assert.Contains(report.Violations, v => v is { Rule: "accounted", Element: "r2" } && v.Message.Contains("reason", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v is { Rule: "accounted", Element: "r3" });
        Assert.Contains(report.Violations, v => v is { Rule: "accounted", Element: "r4" });
    }

    [Fact]
    public void Checker_flags_a_teacher_who_is_not_on_the_request()
    {
        var report = Check(new Assignment("r2", "t1", 0));

        Assert.Equal("reference", Assert.Single(report.Violations).Rule);
    }

    [Fact]
    public void Waiting_counts_the_break_between_sessions_in_real_minutes()
    {
        // r1 at 15:00–15:10, r2 at 19:00–19:10: span 4 h 10 min, 20 min in meetings.
        var report = Check(new("r1", "t1", 0), new("r2", "t2", 4));

        Assert.Equal(230, report.Metrics.TotalWaitingMinutes);
        Assert.Equal(230, report.Metrics.MaxWaitingMinutes);
        Assert.Equal(1, report.Metrics.FamiliesWaiting);
        Assert.Equal(0, report.Metrics.SiblingFamiliesTogether);
        Assert.Equal(1, report.Metrics.SiblingFamiliesPossible);
    }

    [Fact]
    public void Extra_visits_and_teacher_idle_are_measured_per_day()
    {
        var twoDays = Instance with
        {
            Days = [new Day("tue", [new Session("19:00", 4)]), new Day("thu", [new Session("19:00", 4)])],
            Teachers = [new Teacher("t1"), new Teacher("t2")],
        };
        var solution = Solution.Create("test",
            [new Assignment("r1", "t1", 0), new Assignment("r2", "t2", 4), new Assignment("r3", "t1", 3)],
            [new Unplaced("r4", "test")]);

        var metrics = SolutionChecker.Check(twoDays, solution).Metrics;

        Assert.Equal(1, metrics.ExtraVisits);
        Assert.Equal(0, metrics.TotalWaitingMinutes);
        Assert.Equal(20, metrics.TeacherIdleMinutes);
    }
}
