using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Bench.Runner;
using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Tests;

public class SiblingTests
{
    /// <summary>
    /// Two evenings of three slots. t1 is there at 0 (tue) and 3 (thu), t2 at 1 and 2 (tue): the only block of
    /// a t1 and a t2 meeting is tue 19:00–19:20, so one of the two families comes on both evenings. The
    /// one-child family is listed first, so it is planned first and would take the block if nothing preferred
    /// the siblings.
    /// </summary>
    private static Instance OneBlockForTwoFamilies() => TestInstances.Make(
        [new Day("tue", [new Session("19:00", 3)]), new Day("thu", [new Session("19:00", 3)])],
        [new Teacher("t1", Available: [0, 3]), new Teacher("t2", Available: [1, 2])],
        [
            new Family("f-one-child", [TestInstances.Req("r1", "s1", "t1"), TestInstances.Req("r2", "s1", "t2")]),
            new Family("f-siblings", [TestInstances.Req("r3", "s2", "t1"), TestInstances.Req("r4", "s3", "t2")]),
        ]);

    [Fact]
    public void When_a_sibling_family_or_a_one_child_family_must_come_twice_the_one_child_family_does()
    {
        var instance = OneBlockForTwoFamilies();

        var result = Solver.Solve(instance, new SolverOptions { MaxThreads = 1, MaxIterations = 200 });

        Assert.Equal(4, result.Metrics.PlacedCount);
        Assert.Equal(1, result.Metrics.SiblingFamiliesPossible);
        Assert.Equal(1, result.Metrics.SiblingFamiliesTogether);
        var starts = result.Solution.Assignments.ToDictionary(a => a.Request, a => a.Start);
        Assert.Equal([0, 1], new[] { starts["r3"], starts["r4"] }.Order());
        Assert.Equal(1, result.Metrics.ExtraVisits);
    }

    [Fact]
    public void When_capacity_takes_a_meeting_it_is_not_one_that_breaks_up_siblings()
    {
        // One evening: t1 only at 19:00, t2 at 19:10 and 19:20. One t1 meeting is lost whatever happens.
        var instance = TestInstances.Make(
            [new Day("tue", [new Session("19:00", 3)])],
            [new Teacher("t1", Available: [0]), new Teacher("t2", Available: [1, 2])],
            [
                new Family("f-one-child", [TestInstances.Req("r1", "s1", "t1"), TestInstances.Req("r2", "s1", "t2")]),
                new Family("f-siblings", [TestInstances.Req("r3", "s2", "t1"), TestInstances.Req("r4", "s3", "t2")]),
            ]);

        var result = Solver.Solve(instance, new SolverOptions { MaxThreads = 1, MaxIterations = 200 });

        Assert.Equal(3, result.Metrics.PlacedCount);
        Assert.Equal(1, result.Metrics.SiblingFamiliesTogether);
        Assert.Equal("r1", Assert.Single(result.Solution.Unplaced).Request);
    }

    /// <summary>
    /// One evening of twelve slots (tue) and one of three (thu). t1 is there at 19:00, 19:20 and thu 19:00, t2 at
    /// 19:10 and 20:40: one family gets a block around 19:10; the other either comes on both evenings or waits
    /// 70 minutes on tue. The one-child family can only come on tue.
    /// </summary>
    private static Instance BlockOnlyIfAnotherFamilyWaits() => TestInstances.Make(
        [new Day("tue", [new Session("19:00", 12)]), new Day("thu", [new Session("19:00", 3)])],
        [new Teacher("t1", Available: [0, 2, 12]), new Teacher("t2", Available: [1, 10])],
        [
            new Family("f-one-child", [TestInstances.Req("r1", "s1", "t1"), TestInstances.Req("r2", "s1", "t2")], Available: [.. Enumerable.Range(0, 12)]),
            new Family("f-siblings", [TestInstances.Req("r3", "s2", "t1"), TestInstances.Req("r4", "s3", "t2")]),
        ]);

    [Fact]
    public void By_default_no_family_waits_to_keep_siblings_together()
    {
        var result = Solver.Solve(BlockOnlyIfAnotherFamilyWaits(), new SolverOptions { MaxThreads = 1, MaxIterations = 200 });

        Assert.Equal(0, result.Metrics.TotalWaitingMinutes);
        Assert.Equal(1, result.Metrics.ExtraVisits);
        Assert.Equal(0, result.Metrics.SiblingFamiliesTogether);
    }

    [Fact]
    public void With_minutes_on_siblings_apart_another_family_may_wait_for_their_block()
    {
        var options = new SolverOptions { MaxThreads = 1, MaxIterations = 200, SiblingsApartMinutes = 60 };

        var result = Solver.Solve(BlockOnlyIfAnotherFamilyWaits(), options);

        // 70 minutes of waiting beat 60 for the extra evening plus 60 for the siblings apart.
        Assert.Equal(1, result.Metrics.SiblingFamiliesTogether);
        Assert.Equal(70, result.Metrics.TotalWaitingMinutes);
        Assert.Equal(0, result.Metrics.ExtraVisits);
    }

    [Fact]
    public void A_sibling_family_is_not_counted_as_possible_when_no_day_has_its_teachers_back_to_back()
    {
        // t1 only on tue, t2 only on thu: the family must come twice even if it were alone.
        var instance = TestInstances.Make(
            [new Day("tue", [new Session("19:00", 3)]), new Day("thu", [new Session("19:00", 3)])],
            [new Teacher("t1", Available: [0, 1, 2]), new Teacher("t2", Available: [3, 4, 5])],
            [new Family("f-siblings", [TestInstances.Req("r1", "s1", "t1"), TestInstances.Req("r2", "s2", "t2")])]);

        var result = Solver.Solve(instance, new SolverOptions { MaxThreads = 1, MaxIterations = 50 });

        Assert.Equal(0, result.Metrics.SiblingFamiliesPossible);
        Assert.Equal(1.0, result.Metrics.SiblingsTogetherShare);
        Assert.Equal(0, result.Metrics.TotalWaitingMinutes);
    }

    [Fact]
    public void Sibling_families_stay_together_on_an_over_subscribed_primary_school()
    {
        // The previous objective split 8 of 52 sibling families here; a fixed iteration count keeps it deterministic.
        var instance = InstanceGenerator.Generate(TierSpec.Find("primary-226"), Variant.OverSubscribed, 2);

        var result = Solver.Solve(instance, new SolverOptions { MaxThreads = 1, Seed = 1, MaxIterations = 1500 });

        Assert.Equal(result.Bounds.PlacementUpperBound, result.Metrics.PlacedPriority);
        Assert.True(result.Metrics.SiblingsTogetherShare >= 0.99, $"{result.Metrics.SiblingFamiliesTogether} of {result.Metrics.SiblingFamiliesPossible}");
        Assert.Equal(0, result.Metrics.TotalWaitingMinutes);
    }

    [Fact]
    public void Solver_counts_sibling_families_apart_and_family_cost_as_the_checker_does()
    {
        foreach (var seed in Enumerable.Range(1, 60))
        {
            var instance = TestInstances.Random(seed);
            var p = new Problem(instance, siblingsApartMinutes: 45);
            Assert.Equal(p.SiblingBlockPossible.Count(x => x), new Schedule(p).SiblingsApart);
            foreach (var iterations in new long[] { 0, 30 })
            {
                var result = Solver.Solve(instance, new SolverOptions { MaxThreads = 1, MaxIterations = iterations });
                var s = new Schedule(p);
                foreach (var a in result.Solution.Assignments)
                {
                    s.Place(p.RequestIndex[a.Request], p.TeacherIndex[a.Teacher], a.Start);
                }

                var m = SolutionChecker.Check(instance, result.Solution).Metrics;

                var apart = m.SiblingFamiliesPossible - m.SiblingFamiliesTogether;
                Assert.Equal(m.SiblingFamiliesPossible, p.SiblingBlockPossible.Count(x => x));
                Assert.Equal(apart, s.SiblingsApart);
                Assert.Equal(m.TotalWaitingMinutes + 60L * m.ExtraVisits + 45L * apart, s.TotalFamilyCost);
            }
        }
    }

    /// <summary>t1 has one slot; the one-child family's mentor conversation (priority 3) outranks s2's (priority 1) for it.</summary>
    private static Instance OneSlotHeldByAMentorConversation() => TestInstances.Make(
        [new Day("tue", [new Session("19:00", 3)])],
        [new Teacher("t1", Available: [0]), new Teacher("t2")],
        [
            new Family("f-one-child", [TestInstances.Req("r1", "s1", "t1", priority: 3)]),
            new Family("f-siblings", [TestInstances.Req("r3", "s2", "t1"), TestInstances.Req("r4", "s3", "t2")]),
        ]);

    [Fact]
    public void Making_room_skips_siblings_whose_lost_child_needs_a_teacher_full_of_more_important_meetings()
    {
        var instance = OneSlotHeldByAMentorConversation();
        var p = new Problem(instance);
        var s = new Schedule(p);
        s.Place(p.RequestIndex["r4"], p.TeacherIndex["t2"], 1);
        var blocks = new BlockFinder(p);
        var siblings = p.FamilyIndex["f-siblings"];

        s.Place(p.RequestIndex["r1"], p.TeacherIndex["t1"], 0);
        Assert.True(blocks.Hopeless(s, siblings));

        s.Remove(p.RequestIndex["r1"]);
        Assert.False(blocks.Hopeless(s, siblings));
        var blockers = new List<int>();
        Assert.True(blocks.FindBlockers(s, siblings, new Random(1), blockers));
        Assert.Empty(blockers);
    }

    [Fact]
    public void Benchmark_tells_siblings_left_with_one_child_from_siblings_split_or_waiting()
    {
        var instance = OneBlockForTwoFamilies();
        Solution Schedule(params Assignment[] assignments) => Solution.Create(instance.Name, assignments,
            [.. new[] { "r1", "r2", "r3", "r4" }.Except(assignments.Select(a => a.Request)).Select(r => new Unplaced(r, "-"))]);

        var split = SiblingMisses.Count(instance, Schedule(new Assignment("r3", "t1", 3), new Assignment("r4", "t2", 2)));
        var lost = SiblingMisses.Count(instance, Schedule(new Assignment("r3", "t1", 0)));
        var together = SiblingMisses.Count(instance, Schedule(new Assignment("r3", "t1", 0), new Assignment("r4", "t2", 1)));

        Assert.Equal(new SiblingMisses(0, 0, 1), split);
        Assert.Equal(new SiblingMisses(1, 0, 0), lost);
        Assert.Equal(new SiblingMisses(0, 0, 0), together);
    }

    [Fact]
    public void Benchmark_tells_when_a_lost_child_is_on_a_teacher_full_of_more_important_meetings()
    {
        var instance = OneSlotHeldByAMentorConversation();
        var solution = Solution.Create(instance.Name, [new Assignment("r1", "t1", 0), new Assignment("r4", "t2", 1)], [new Unplaced("r3", "-")]);

        Assert.Equal(new SiblingMisses(1, 1, 0), SiblingMisses.Count(instance, solution, SchedulingBounds.Compute(instance)));
        Assert.Equal(new SiblingMisses(1, 0, 0), SiblingMisses.Count(instance, solution));
    }

    [Fact]
    public void Placement_bound_with_a_request_forced_in_proves_what_placing_it_costs()
    {
        var p = new Problem(OneSlotHeldByAMentorConversation());

        // t1's one slot: r1 (3) and r4 (1) give 4; forcing r3 (1) into that slot leaves r3 and r4, 2.
        Assert.Equal(4, SchedulingBounds.Compute(p).CapacityPlacementBound);
        Assert.Equal(4, SchedulingBounds.CapacityBoundPlacing(p, p.RequestIndex["r1"]));
        Assert.Equal(2, SchedulingBounds.CapacityBoundPlacing(p, p.RequestIndex["r3"]));
    }

    [Fact]
    public void Placement_bound_with_a_request_that_fits_nowhere_is_minus_one()
    {
        var p = new Problem(TestInstances.Make(
            [new Day("tue", [new Session("19:00", 2)])],
            [new Teacher("t1", Available: [0])],
            [new Family("f", [TestInstances.Req("r1", "s1", "t1")], Available: [1])]));

        Assert.Equal(-1, SchedulingBounds.CapacityBoundPlacing(p, p.RequestIndex["r1"]));
    }

    [Fact]
    public void Benchmark_proves_nothing_for_a_lost_child_that_fits_without_placing_less()
    {
        var instance = OneBlockForTwoFamilies();
        var solution = Solution.Create(instance.Name, [new Assignment("r3", "t1", 0)], [new Unplaced("r1", "-"), new Unplaced("r2", "-"), new Unplaced("r4", "-")]);

        Assert.Equal(new SiblingMisses(1, 0, 0), SiblingMisses.Count(instance, solution, SchedulingBounds.Compute(instance)));
    }

    /// <summary>
    /// One evening of three slots. t1 is full: h (priority 3) can only come at 19:00, g (priority 1, one child) at
    /// 19:10, i (priority 3) at 19:20. The siblings' s2 also needs t1 (priority 1), s1 needs t2. Hardest first, h, g
    /// and i take t1 before the siblings, who are left with s1 only.
    /// </summary>
    private static Instance SiblingBehindAFullTeacher() => TestInstances.Make(
        [new Day("tue", [new Session("19:00", 3)])],
        [new Teacher("t1"), new Teacher("t2")],
        [
            new Family("f-h", [TestInstances.Req("rh", "sh", "t1", priority: 3)], Available: [0]),
            new Family("f-g", [TestInstances.Req("rg", "sg", "t1")], Available: [1]),
            new Family("f-i", [TestInstances.Req("ri", "si", "t1", priority: 3)], Available: [2]),
            new Family("f-siblings", [TestInstances.Req("r1", "s1", "t2"), TestInstances.Req("r2", "s2", "t1")]),
        ]);

    /// <summary>What construction leaves: h, g and i on t1 at 19:00, 19:10 and 19:20; only s1 of the siblings, with t2 at 19:00.</summary>
    private static Schedule StateAfterConstruction(Problem p)
    {
        var s = new Schedule(p);
        s.Place(p.RequestIndex["rh"], p.TeacherIndex["t1"], 0);
        s.Place(p.RequestIndex["rg"], p.TeacherIndex["t1"], 1);
        s.Place(p.RequestIndex["ri"], p.TeacherIndex["t1"], 2);
        s.Place(p.RequestIndex["r1"], p.TeacherIndex["t2"], 0);
        return s;
    }

    [Fact]
    public void A_sibling_takes_the_slot_of_an_equal_priority_meeting_of_a_one_child_family_on_a_full_teacher()
    {
        var instance = SiblingBehindAFullTeacher();
        var p = new Problem(instance);
        foreach (var seed in Enumerable.Range(1, 12))
        {
            var s = StateAfterConstruction(p);
            var before = s.Score;
            var swap = new SiblingSwap(p, new Repairers(p, new FamilyPlanner(p), new Random(seed), Construction.Difficulty(p)), new Ejector(p, new Random(seed)));

            Assert.True(swap.TryJoin(s, p.FamilyIndex["f-siblings"], new Random(seed)), $"seed {seed}");

            Assert.Equal(before.Placed, s.Score.Placed);
            Assert.Equal(0, s.SiblingsApart);
            Assert.False(s.IsPlaced(p.RequestIndex["rg"]));
            Assert.Equal(1, s.Start[p.RequestIndex["r2"]]);
        }
    }

    /// <summary>
    /// Tuesday 19:00–19:30 and thursday 19:00–19:10. t1 holds at most two meetings in a row and has a at 19:00
    /// and b at 19:10; t2 is there tuesday 19:30 and thursday 19:00 only. The siblings sit split: s1 with t1 on
    /// tuesday 19:30, s2 with t2 on thursday. Their only block, t1 at 19:20 and t2 at 19:30, is free, but t1
    /// would then hold three in a row: b must move (to 19:30, the other time b can come) to break the run.
    /// </summary>
    private static Instance BlockBehindABreakRule() => TestInstances.Make(
        [new Day("tue", [new Session("19:00", 4)]), new Day("thu", [new Session("19:00", 2)])],
        [new Teacher("t1", Available: [0, 1, 2, 3], MaxConsecutive: 2), new Teacher("t2", Available: [3, 4])],
        [
            new Family("f-a", [TestInstances.Req("ra", "sa", "t1")], Available: [0]),
            new Family("f-b", [TestInstances.Req("rb", "sb", "t1")], Available: [1, 3]),
            new Family("f-siblings", [TestInstances.Req("r1", "s1", "t1"), TestInstances.Req("r2", "s2", "t2")]),
        ]);

    [Fact]
    public void Making_room_moves_the_meeting_that_would_make_a_teacher_hold_too_many_in_a_row()
    {
        var p = new Problem(BlockBehindABreakRule());
        foreach (var seed in Enumerable.Range(1, 6))
        {
            var s = new Schedule(p);
            s.Place(p.RequestIndex["ra"], p.TeacherIndex["t1"], 0);
            s.Place(p.RequestIndex["rb"], p.TeacherIndex["t1"], 1);
            s.Place(p.RequestIndex["r1"], p.TeacherIndex["t1"], 3);
            s.Place(p.RequestIndex["r2"], p.TeacherIndex["t2"], 4);
            var before = s.Score;
            var blockers = new List<int>();
            Assert.True(new BlockFinder(p).FindBlockers(s, p.FamilyIndex["f-siblings"], new Random(seed), blockers, weighPriority: true));
            Assert.Equal([p.RequestIndex["rb"]], blockers);
            var swap = new SiblingSwap(p, new Repairers(p, new FamilyPlanner(p), new Random(seed), Construction.Difficulty(p)), new Ejector(p, new Random(seed)));

            Assert.True(swap.TryJoin(s, p.FamilyIndex["f-siblings"], new Random(seed)), $"seed {seed}");

            Assert.Equal(before.Placed, s.Score.Placed);
            Assert.Equal(0, s.SiblingsApart);
            Assert.Equal((2, 3, 3), (s.Start[p.RequestIndex["r1"]], s.Start[p.RequestIndex["r2"]], s.Start[p.RequestIndex["rb"]]));
        }
    }

    [Fact]
    public void A_swap_that_would_place_less_is_undone()
    {
        // As above, but g's meeting (priority 2) outranks s2's; t1 has a free slot on thursday, when nobody else can come.
        var instance = TestInstances.Make(
            [new Day("tue", [new Session("19:00", 3)]), new Day("thu", [new Session("19:00", 1)])],
            [new Teacher("t1"), new Teacher("t2")],
            [
                new Family("f-h", [TestInstances.Req("rh", "sh", "t1", priority: 3)], Available: [0]),
                new Family("f-g", [TestInstances.Req("rg", "sg", "t1", priority: 2)], Available: [1]),
                new Family("f-i", [TestInstances.Req("ri", "si", "t1", priority: 3)], Available: [2]),
                new Family("f-siblings", [TestInstances.Req("r1", "s1", "t2"), TestInstances.Req("r2", "s2", "t1")], Available: [0, 1, 2]),
            ]);
        var p = new Problem(instance);
        var s = StateAfterConstruction(p);
        var before = s.Score;
        var swap = new SiblingSwap(p, new Repairers(p, new FamilyPlanner(p), new Random(1), Construction.Difficulty(p)), new Ejector(p, new Random(1)));

        Assert.False(new BlockFinder(p).Hopeless(s, p.FamilyIndex["f-siblings"]));
        Assert.False(swap.TryJoin(s, p.FamilyIndex["f-siblings"], new Random(1)));

        Assert.Equal(before, s.Score);
        Assert.Equal(1, s.Start[p.RequestIndex["rg"]]);
        Assert.True(s.FamilyApart[p.FamilyIndex["f-siblings"]]);
    }

    [Fact]
    public void The_solver_swaps_a_one_child_familys_meeting_for_a_sibling_left_out_by_construction()
    {
        // No search iterations: only the construction, its ejection chains and the sibling swap run.
        var result = Solver.Solve(SiblingBehindAFullTeacher(), new SolverOptions { MaxThreads = 1, MaxIterations = 0 });

        Assert.Equal(8, result.Metrics.PlacedPriority);
        Assert.Equal(1, result.Metrics.SiblingFamiliesTogether);
        Assert.Equal("rg", Assert.Single(result.Solution.Unplaced).Request);
    }
}
