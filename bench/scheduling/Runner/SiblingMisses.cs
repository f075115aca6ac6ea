using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Runner;

/// <summary>Why sibling families that could sit in one block (<see cref="SiblingBlock"/>) are not together.</summary>
/// <param name="LostChild">Left with meetings for fewer than two students: every meeting of the other children was lost to capacity.</param>
/// <param name="LostToHigherPriority">
/// Of <see cref="LostChild"/>: every lost request of those children is on teachers with no free slot at all and
/// only meetings of higher priority, so it can only come in by pushing out something that matters more.
/// </param>
/// <param name="SplitOrWaiting">Meetings for two or more students, but on two days or with waiting between them.</param>
public sealed record SiblingMisses(int LostChild, int LostToHigherPriority, int SplitOrWaiting)
{
    public static SiblingMisses Count(Instance instance, Solution solution)
    {
        var calendar = SlotCalendar.From(instance);
        var teachers = instance.Teachers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var starts = solution.Assignments.ToDictionary(a => a.Request, a => a.Start, StringComparer.Ordinal);
        var full = FullTeachers(instance, solution, calendar);
        int lostChild = 0, lostToHigher = 0, splitOrWaiting = 0;
        foreach (var family in instance.Families)
        {
            if (family.Requests.Select(r => r.Student).Distinct(StringComparer.Ordinal).Count() < 2 || !SiblingBlock.IsPossible(calendar, family, teachers))
            {
                continue;
            }
            var placed = family.Requests.Where(r => starts.ContainsKey(r.Id)).ToList();
            var present = placed.Select(r => r.Student).ToHashSet(StringComparer.Ordinal);
            if (present.Count < 2)
            {
                lostChild++;
                var lost = family.Requests.Where(r => !present.Contains(r.Student));
                lostToHigher += lost.All(r => r.Teachers.All(t => full.TryGetValue(t, out var lowest) && lowest > r.Priority)) ? 1 : 0;
            }
            else if (!OneBlock(calendar, placed.Select(r => (starts[r.Id], r.Length)).ToList()))
            {
                splitOrWaiting++;
            }
        }
        return new SiblingMisses(lostChild, lostToHigher, splitOrWaiting);
    }

    /// <summary>Teachers busy in every slot they are available, with the lowest priority among their meetings.</summary>
    private static Dictionary<string, int> FullTeachers(Instance instance, Solution solution, SlotCalendar calendar)
    {
        var requests = instance.Families.SelectMany(f => f.Requests).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var teacher in instance.Teachers)
        {
            var mine = solution.Assignments.Where(a => a.Teacher == teacher.Id).ToList();
            var busy = mine.Sum(a => requests[a.Request].Length);
            if (mine.Count > 0 && busy >= (teacher.Available?.Count ?? calendar.SlotCount))
            {
                result[teacher.Id] = mine.Min(a => requests[a.Request].Priority);
            }
        }
        return result;
    }

    /// <summary>One day, and the meetings end to end in clock time (the checker's "no waiting").</summary>
    private static bool OneBlock(SlotCalendar calendar, List<(int Start, int Length)> meetings)
    {
        if (meetings.Select(m => calendar.DayOf(m.Start)).Distinct().Count() != 1)
        {
            return false;
        }
        var first = meetings.Min(m => calendar.MinuteOf(m.Start));
        var last = meetings.Max(m => calendar.EndMinuteOf(m.Start, m.Length));
        return last - first == meetings.Sum(m => m.Length) * calendar.SlotMinutes;
    }
}
