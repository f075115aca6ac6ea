namespace Driehoek.Scheduling.Solving;

/// <summary>The repair moves: put removed families back, each at its best position for the family.</summary>
internal enum RepairMove
{
    GreedyRandomOrder,
    GreedyHardestFirst,
    Regret,
}

internal sealed class Repairers
{
    public const int Count = 3;

    private readonly Problem _p;
    private readonly FamilyPlanner _planner;
    private readonly Random _rng;
    private readonly double[] _difficulty;
    private readonly List<FamilyPlan> _plans = [];
    private readonly int[] _touched;
    private readonly int[] _totalPriority;
    private readonly CancellationToken _token;
    private int _stamp;

    /// <param name="token">Checked between two families: a cancelled repair stops half-way, and the caller rolls it back.</param>
    public Repairers(Problem p, FamilyPlanner planner, Random rng, double[] difficulty, CancellationToken token = default)
    {
        _token = token;
        _p = p;
        _planner = planner;
        _rng = rng;
        _difficulty = difficulty;
        _touched = new int[p.FamilyCount];
        _totalPriority = p.FamilyRequests.Select(rs => rs.Sum(r => p.Priority[r])).ToArray();
    }

    /// <summary>Puts <paramref name="families"/> back; <paramref name="anchor"/> (when one of them) first, into the room made for it.</summary>
    public void Repair(Schedule s, List<int> families, RepairMove move, int anchor = -1)
    {
        if (anchor >= 0 && families.Remove(anchor))
        {
            _planner.Insert(s, anchor, PlanSlot(0));
        }
        switch (move)
        {
            case RepairMove.GreedyRandomOrder:
                Shuffle(families);
                InsertInOrder(s, families);
                break;
            case RepairMove.GreedyHardestFirst:
                var keyed = families.Select(f => (Family: f, Key: _difficulty[f] * (0.8 + 0.4 * _rng.NextDouble()))).ToList();
                keyed.Sort((a, b) => b.Key.CompareTo(a.Key));
                InsertInOrder(s, keyed.Select(x => x.Family).ToList());
                break;
            default:
                RegretInsert(s, families);
                break;
        }
    }

    private void InsertInOrder(Schedule s, List<int> families)
    {
        var plan = PlanSlot(0);
        foreach (var f in families)
        {
            if (_token.IsCancellationRequested)
            {
                return;
            }
            _planner.Insert(s, f, plan);
        }
    }

    /// <summary>
    /// Regret insertion: repeatedly inserts the family that loses most by waiting — first families that cannot
    /// place all their requests, then the largest gap to their next-best window, then the fewest equal windows.
    /// Only families sharing a teacher with the one just inserted are re-planned.
    /// </summary>
    private void RegretInsert(Schedule s, List<int> families)
    {
        var remaining = new List<FamilyPlan>(families.Count);
        for (var i = 0; i < families.Count && !_token.IsCancellationRequested; i++)
        {
            var plan = PlanSlot(i);
            _planner.Plan(s, families[i], plan);
            remaining.Add(plan);
        }
        while (remaining.Count > 0 && !_token.IsCancellationRequested)
        {
            var pick = 0;
            for (var i = 1; i < remaining.Count; i++)
            {
                if (Urgency(remaining[i]).CompareTo(Urgency(remaining[pick])) > 0)
                {
                    pick = i;
                }
            }
            var chosen = remaining[pick];
            remaining[pick] = remaining[^1];
            remaining.RemoveAt(remaining.Count - 1);
            _planner.Commit(s, chosen);
            _stamp++;
            foreach (var g in _p.FamilyNeighbours[chosen.Family])
            {
                _touched[g] = _stamp;
            }
            foreach (var plan in remaining)
            {
                if (_touched[plan.Family] == _stamp)
                {
                    _planner.Plan(s, plan.Family, plan);
                }
            }
        }
    }

    private (int Deficit, int Regret, int Flexibility, int Size) Urgency(FamilyPlan plan) =>
        (_totalPriority[plan.Family] - plan.Priority, plan.Regret, -plan.Options, plan.Count);

    private FamilyPlan PlanSlot(int index)
    {
        while (_plans.Count <= index)
        {
            _plans.Add(new FamilyPlan(Math.Max(1, _p.FamilyRequests.Max(r => r.Length))));
        }
        return _plans[index];
    }

    private void Shuffle(List<int> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
