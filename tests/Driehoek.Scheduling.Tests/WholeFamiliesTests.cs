using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Tests;

public class WholeFamiliesTests
{
    /// <summary>
    /// One evening of two slots; t1 is booked full: h at 19:00, g at 19:10. f saw t2 at 19:00 and lost t1; g lost
    /// its second t1 conversation as well (unless <paramref name="gShort"/> is false: then g asked for one only).
    /// Every conversation is equally important.
    /// </summary>
    private static (Problem P, Schedule S) FullTeacher(bool gShort)
    {
        var g = new List<Request> { TestInstances.Req("g1", "sg", "t1") };
        if (gShort)
        {
            g.Add(TestInstances.Req("g2", "sg2", "t1"));
        }
        var p = new Problem(TestInstances.Make(
            [new Day("tue", [new Session("19:00", 2)])],
            [new Teacher("t1"), new Teacher("t2")],
            [
                new Family("f", [TestInstances.Req("f1", "sf", "t1"), TestInstances.Req("f2", "sf", "t2")]),
                new Family("g", g),
                new Family("h", [TestInstances.Req("h1", "sh", "t1")]),
            ]));
        var s = new Schedule(p);
        s.Place(p.RequestIndex["h1"], p.TeacherIndex["t1"], 0);
        s.Place(p.RequestIndex["g1"], p.TeacherIndex["t1"], 1);
        s.Place(p.RequestIndex["f2"], p.TeacherIndex["t2"], 0);
        return (p, s);
    }

    private static int FamiliesShort(Problem p, Schedule s) =>
        Enumerable.Range(0, p.FamilyCount).Count(f => p.FamilyRequests[f].Any(r => !s.IsPlaced(r)));

    [Fact]
    public void A_family_that_lost_one_meeting_takes_it_from_a_family_that_is_short_already()
    {
        var (p, s) = FullTeacher(gShort: true);
        var before = s.Score;
        Assert.Equal(2, FamiliesShort(p, s));

        Assert.Equal(1, new WholeFamilies(p).Run(s));

        Assert.Equal(before, s.Score);
        Assert.Equal(1, FamiliesShort(p, s));
        Assert.Equal((p.TeacherIndex["t1"], 1), (s.Teacher[p.RequestIndex["f1"]], s.Start[p.RequestIndex["f1"]]));
        Assert.False(s.IsPlaced(p.RequestIndex["g1"]));
        Assert.True(s.IsPlaced(p.RequestIndex["h1"]));
    }

    [Fact]
    public void A_family_that_is_whole_keeps_its_meeting()
    {
        var (p, s) = FullTeacher(gShort: false);
        var before = s.Score;

        Assert.Equal(0, new WholeFamilies(p).Run(s));

        Assert.Equal(before, s.Score);
        Assert.False(s.IsPlaced(p.RequestIndex["f1"]));
        Assert.True(s.IsPlaced(p.RequestIndex["g1"]));
    }

    [Fact]
    public void A_family_whose_other_meeting_clashes_is_planned_again_around_the_freed_slot()
    {
        // As the first, but f saw t2 at 19:10, the time of g's t1 conversation: f moves t2 to 19:00 and takes t1 at 19:10.
        var (p, s) = FullTeacher(gShort: true);
        s.Remove(p.RequestIndex["f2"]);
        s.Place(p.RequestIndex["f2"], p.TeacherIndex["t2"], 1);
        var before = s.Score;

        Assert.Equal(1, new WholeFamilies(p).Run(s));

        Assert.Equal(before, s.Score);
        Assert.Equal((0, 1), (s.Start[p.RequestIndex["f2"]], s.Start[p.RequestIndex["f1"]]));
        Assert.Equal(1, FamiliesShort(p, s));
    }

    [Fact]
    public void A_swap_that_would_make_a_family_come_twice_is_not_made()
    {
        // t1 is there on tuesday only and booked full; f's other conversation, with t2, can only be on thursday.
        var p = new Problem(TestInstances.Make(
            [new Day("tue", [new Session("19:00", 2)]), new Day("thu", [new Session("19:00", 1)])],
            [new Teacher("t1", Available: [0, 1]), new Teacher("t2", Available: [2])],
            [
                new Family("f", [TestInstances.Req("f1", "sf", "t1"), TestInstances.Req("f2", "sf", "t2")]),
                new Family("g", [TestInstances.Req("g1", "sg", "t1"), TestInstances.Req("g2", "sg2", "t1")]),
                new Family("h", [TestInstances.Req("h1", "sh", "t1")]),
            ]));
        var s = new Schedule(p);
        s.Place(p.RequestIndex["h1"], p.TeacherIndex["t1"], 0);
        s.Place(p.RequestIndex["g1"], p.TeacherIndex["t1"], 1);
        s.Place(p.RequestIndex["f2"], p.TeacherIndex["t2"], 2);
        var before = s.Score;

        Assert.Equal(0, new WholeFamilies(p).Run(s));

        Assert.Equal(before, s.Score);
        Assert.True(s.IsPlaced(p.RequestIndex["g1"]));
    }
}
