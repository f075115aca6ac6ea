namespace Driehoek.Scheduling.Solving;

/// <summary>The first feasible schedule: families hardest first, each at its best position for the family.</summary>
internal static class Construction
{
    /// <summary>
    /// How hard a family is to fit: many requests need a long unbroken window, scarce availability leaves
    /// few windows, and busy teachers are contested. Hard families go first while the grid is still empty.
    /// </summary>
    public static double[] Difficulty(Problem p)
    {
        var load = new double[p.TeacherCount];
        for (var r = 0; r < p.RequestCount; r++)
        {
            foreach (var t in p.RequestTeachers[r])
            {
                load[t] += (double)p.Length[r] / p.RequestTeachers[r].Length;
            }
        }
        for (var t = 0; t < p.TeacherCount; t++)
        {
            load[t] /= Math.Max(1, p.TeacherAvailable[t].Count(a => a));
        }
        var result = new double[p.FamilyCount];
        for (var f = 0; f < p.FamilyCount; f++)
        {
            var requests = p.FamilyRequests[f];
            var maxLoad = requests.Length == 0 ? 0 : requests.Max(r => p.RequestTeachers[r].Min(t => load[t]));
            var availableShare = (double)p.FamilyAvailable[f].Count(a => a) / Math.Max(1, p.SlotCount);
            var length = requests.Sum(r => p.Length[r]);
            result[f] = length + 3 * maxLoad + 2 * (1 - availableShare);
        }
        return result;
    }

    /// <summary>
    /// Places every family in order of difficulty. On cancellation it stops between two families and returns
    /// the families it did not reach (null when it reached them all): a partial schedule is still feasible.
    /// </summary>
    public static (Schedule Schedule, bool[]? NotReached) Build(Problem p, FamilyPlanner planner, double[] difficulty, CancellationToken token = default)
    {
        var s = new Schedule(p);
        var order = Enumerable.Range(0, p.FamilyCount).OrderByDescending(f => difficulty[f]).ThenBy(f => f).ToArray();
        var plan = new FamilyPlan(Math.Max(1, p.FamilyRequests.Length == 0 ? 1 : p.FamilyRequests.Max(r => r.Length)));
        for (var i = 0; i < order.Length; i++)
        {
            if (token.IsCancellationRequested)
            {
                var notReached = new bool[p.FamilyCount];
                foreach (var f in order.AsSpan(i))
                {
                    notReached[f] = true;
                }
                return (s, notReached);
            }
            planner.Insert(s, order[i], plan);
        }
        return (s, null);
    }
}
