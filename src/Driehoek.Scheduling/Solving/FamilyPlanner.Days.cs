namespace Driehoek.Scheduling.Solving;

/// <summary>Combining days and turning the chosen subsets back into meetings.</summary>
internal sealed partial class FamilyPlanner
{
    /// <summary>
    /// Best subset to place over all days: most priority, then least family cost (waiting + extra-visit minutes,
    /// + siblings-apart minutes unless the subset is one block for two students), then one that still has
    /// meetings for two students.
    /// </summary>
    private int Partition(int n)
    {
        var full = (1 << n) - 1;
        Array.Copy(_costDay[0], _partition[0], full + 1);
        for (var d = 1; d < _p.DayCount; d++)
        {
            var previous = _partition[d - 1];
            var today = _costDay[d];
            var result = _partition[d];
            var choice = _choice[d];
            for (var mask = 0; mask <= full; mask++)
            {
                var bestCost = previous[mask];
                var bestSub = 0;
                for (var sub = mask; sub != 0; sub = (sub - 1) & mask)
                {
                    if (today[sub] == Infinity)
                    {
                        continue;
                    }
                    var rest = mask ^ sub;
                    if (previous[rest] == Infinity)
                    {
                        continue;
                    }
                    var cost = previous[rest] + today[sub] + (rest != 0 ? _p.ExtraVisitMinutes : 0);
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        bestSub = sub;
                    }
                }
                result[mask] = bestCost;
                choice[mask] = bestSub;
            }
        }
        var last = _partition[_p.DayCount - 1];
        int bestMask = 0, bestPriority = 0, bestTotal = 0;
        for (var mask = 1; mask <= full; mask++)
        {
            if (last[mask] == Infinity)
            {
                continue;
            }
            var total = TogetherDay(mask) >= 0 ? 0 : last[mask] + _apartMinutes;
            if (_priority[mask] > bestPriority || (_priority[mask] == bestPriority && (total < bestTotal
                || (total == bestTotal && StudentCount(mask) >= 2 && StudentCount(bestMask) < 2))))
            {
                bestMask = mask;
                bestPriority = _priority[mask];
                bestTotal = total;
            }
        }
        return bestMask;
    }

    private int StudentCount(int mask) => System.Numerics.BitOperations.PopCount((uint)_students[mask]);

    /// <summary>Among the first starts on day <paramref name="d"/> that reach the least waiting for <paramref name="part"/>, adds the one adding least teacher idle time.</summary>
    private void Reconstruct(Schedule s, int d, int part, int n, FamilyPlan plan)
    {
        var target = _costDay[d][part];
        long bestIdle = long.MaxValue;
        var bestA = -1;
        for (var a = _p.DayFirst[d]; a < _p.DayEnd[d]; a++)
        {
            if (!AnyFitsAt(n, a))
            {
                continue;
            }
            RunFrom(s, a, d, n, part);
            var end = _best[part];
            if (end == Infinity || _p.SlotMinute[end - 1] + _p.SlotMinutes - _p.SlotMinute[a] - _lengthMinutes[part] != target)
            {
                continue;
            }
            if (_idle[part] < bestIdle)
            {
                bestIdle = _idle[part];
                bestA = a;
            }
        }
        RunFrom(s, bestA, d, n, part);
        for (var mask = part; mask != 0;)
        {
            var i = _parent[mask];
            var start = _parentStart[mask];
            plan.Add(_requests[i], BestTeacher(s, i, start).Teacher, start);
            mask ^= 1 << i;
        }
    }
}
