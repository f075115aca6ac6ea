using Driehoek.Scheduling.Model;
using Driehoek.Web.Features.ParentEvenings;

namespace Driehoek.Tests.ParentEvenings;

/// <summary>The rule the exchange format cannot say: a child whose separated parents both come is in one place at a time.</summary>
public sealed class ScheduleRulesTests
{
    private static readonly Instance Evening = new(Instance.SchemaId, "separated", 10,
        [new Day("2026-11-17", [new Session("19:00", 4)])],
        [new Teacher("mentor"), new Teacher("english")],
        [
            new Family("mother", [new Request("m1", "noor", ["mentor"], 1, 2)]),
            new Family("father", [new Request("f1", "noor", ["english"], 1, 1)]),
        ]);

    [Fact]
    public void Meetings_of_one_child_with_both_households_at_once_break_the_rule_only_when_students_take_part()
    {
        var clash = Solution.Create("separated", [new Assignment("m1", "mentor", 0), new Assignment("f1", "english", 0)], []);

        Assert.True(ScheduleRules.Check(Evening, clash, studentsTakePart: false).IsFeasible);
        var violation = Assert.Single(ScheduleRules.Check(Evening, clash, studentsTakePart: true).Violations);
        Assert.Equal(ScheduleRules.StudentRule, violation.Rule);
    }

    [Fact]
    public void A_clash_is_repaired_by_moving_the_lower_priority_meeting_next_to_the_other()
    {
        var clash = Solution.Create("separated", [new Assignment("m1", "mentor", 0), new Assignment("f1", "english", 0)], []);

        var repaired = ScheduleRules.RepairStudentClashes(Evening, clash, _ => true);

        Assert.True(ScheduleRules.Check(Evening, repaired, studentsTakePart: true).IsFeasible);
        Assert.Equal(0, repaired.Assignments.Single(a => a.Request == "m1").Start);
        Assert.Equal(1, repaired.Assignments.Single(a => a.Request == "f1").Start);
    }

    [Fact]
    public void A_clash_that_cannot_move_leaves_the_meeting_unplaced_with_a_reason_the_family_reads()
    {
        var tight = Evening with { Families = [Evening.Families[0], Evening.Families[1] with { Available = [0] }] };
        var clash = Solution.Create("separated", [new Assignment("m1", "mentor", 0), new Assignment("f1", "english", 0)], []);

        var repaired = ScheduleRules.RepairStudentClashes(tight, clash, id => id == "f1");

        var unplaced = Assert.Single(repaired.Unplaced);
        Assert.Equal("f1", unplaced.Request);
        Assert.Equal("Unplaced.StudentBusy", ScheduleRules.FamilyReason(tight, "f1", unplaced.Reason));
        Assert.True(ScheduleRules.Check(tight, repaired, studentsTakePart: true).IsFeasible);
    }
}
