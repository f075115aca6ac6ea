using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Bench.Runner;

/// <summary>Why sibling families that could sit in one block (<see cref="SiblingBlock"/>) are not together.</summary>
/// <param name="LostChild">Left with meetings for fewer than two students: every meeting of the other children was lost to capacity.</param>
/// <param name="ProvenOnlyByPlacingLess">
/// Of <see cref="LostChild"/>: proven to need less placement. Too few of the family's children can be present in
/// any schedule that places as much priority as this one: for each child counted out, every request of that child
/// has a placement bound (<see cref="SchedulingBounds"/>, with the request forced in) below this schedule's placed
/// priority. Counted only when <c>prove</c> is set (it routes the capacity bound once per lost request).
/// </param>
/// <param name="SplitOrWaiting">Meetings for two or more students, but on two days or with waiting between them.</param>
public sealed record SiblingMisses(int LostChild, int ProvenOnlyByPlacingLess, int SplitOrWaiting)
{
    public static SiblingMisses Count(Instance instance, Solution solution, SchedulingBounds? prove = null)
    {
        var calendar = SlotCalendar.From(instance);
        var teachers = instance.Teachers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var starts = solution.Assignments.ToDictionary(a => a.Request, a => a.Start, StringComparer.Ordinal);
        var proof = prove is null ? null : new PlacementProof(instance, solution, prove);
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
                var lost = family.Requests.Where(r => !present.Contains(r.Student)).GroupBy(r => r.Student, StringComparer.Ordinal);
                lostToHigher += proof is not null && present.Count + lost.Count(child => child.Any(proof.CanBePlacedAtEqualPlacement)) < 2 ? 1 : 0;
            }
            else if (!OneBlock(calendar, placed.Select(r => (starts[r.Id], r.Length)).ToList()))
            {
                splitOrWaiting++;
            }
        }
        return new SiblingMisses(lostChild, lostToHigher, splitOrWaiting);
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

/// <summary>
/// Whether a request can be placed by a schedule that places as much priority as <c>solution</c>: not when the
/// placement bound with the request forced in (<see cref="SchedulingBounds.CapacityBoundPlacing"/>, or the families-alone
/// bound if lower) is below what the solution places. A "no" is a proof; a "yes" only means no proof was found.
/// </summary>
internal sealed class PlacementProof(Instance instance, Solution solution, SchedulingBounds bounds)
{
    private readonly Problem _p = new(instance);
    private readonly int _placed = PlacedPriority(instance, solution);
    private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

    public bool CanBePlacedAtEqualPlacement(Request request)
    {
        if (!_known.TryGetValue(request.Id, out var can))
        {
            var bound = Math.Min(SchedulingBounds.CapacityBoundPlacing(_p, _p.RequestIndex[request.Id]), bounds.FamilyAlonePlacementBound);
            _known[request.Id] = can = bound >= _placed;
        }
        return can;
    }

    private static int PlacedPriority(Instance instance, Solution solution)
    {
        var placed = solution.Assignments.Select(a => a.Request).ToHashSet(StringComparer.Ordinal);
        return instance.Families.SelectMany(f => f.Requests).Where(r => placed.Contains(r.Id)).Sum(r => r.Priority);
    }
}
