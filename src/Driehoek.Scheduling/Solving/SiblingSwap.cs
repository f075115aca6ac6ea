namespace Driehoek.Scheduling.Solving;

/// <summary>
/// Brings a sibling family that is apart together by handing its block the slots of meetings no more important
/// than its own: <see cref="BlockFinder"/> (weighing priority) picks the block whose meetings in the way cost
/// least to lose — on a full teacher, an equal-priority meeting of a one-child family — then the sibling family
/// is planned first, the families in the way are planned again after it by regret insertion (each may move
/// elsewhere, on the same or another evening, or lose that meeting), and ejection chains try to place what they
/// lost. The result is kept only when the family is together and the score is not worse in any tier before the
/// first that changed, so placement never drops; otherwise every change is undone.
/// </summary>
internal sealed class SiblingSwap
{
    private readonly Problem _p;
    private readonly Repairers _repairers;
    private readonly Ejector _ejector;
    private readonly BlockFinder _blocks;
    private readonly List<int> _blockers = [];
    private readonly List<int> _families = [];
    private readonly List<int> _lost = [];
    private readonly List<int> _apart = [];
    private readonly int[] _mark;
    private int _stamp;

    public SiblingSwap(Problem p, Repairers repairers, Ejector ejector)
    {
        _p = p;
        _repairers = repairers;
        _ejector = ejector;
        _blocks = new BlockFinder(p);
        _mark = new int[p.FamilyCount];
    }

    /// <summary>
    /// One try for <paramref name="family"/>; true when it is together now and the schedule is no worse. With
    /// <paramref name="widen"/>, the families meeting the same teachers right next to the block go out and back
    /// in too, so a family in the way can take one of their places and they another.
    /// </summary>
    public bool TryJoin(Schedule s, int family, Random rng, bool widen = false)
    {
        if (!s.FamilyApart[family] || _blocks.Hopeless(s, family))
        {
            return false;
        }
        _blockers.Clear();
        if (!_blocks.FindBlockers(s, family, rng, _blockers, weighPriority: true))
        {
            return false;
        }
        var before = s.Score;
        s.BeginRecording();
        CollectFamilies(s, family, widen);
        foreach (var g in _families)
        {
            s.RemoveFamily(g);
        }
        // The sibling family goes back first, into the room; regret insertion places the others around it.
        _repairers.Repair(s, _families, RepairMove.Regret, anchor: family);
        _lost.Clear();
        foreach (var g in _families)
        {
            _lost.AddRange(_p.FamilyRequests[g].Where(r => !s.IsPlaced(r)));
        }
        if (_lost.Count > 0)
        {
            _ejector.PlaceAll(s, _lost, depth: 2);
        }
        if (!s.FamilyApart[family] && !before.IsBetterThan(s.Score))
        {
            s.StopRecording();
            return true;
        }
        s.Rollback();
        return false;
    }

    /// <summary>A random sibling family that is apart, tried once; false when none is apart or the try failed.</summary>
    public bool TryRandom(Schedule s, Random rng)
    {
        if (s.SiblingsApart == 0)
        {
            return false;
        }
        _apart.Clear();
        for (var f = 0; f < _p.FamilyCount; f++)
        {
            if (s.FamilyApart[f])
            {
                _apart.Add(f);
            }
        }
        return _apart.Count > 0 && TryJoin(s, _apart[rng.Next(_apart.Count)], rng, widen: rng.Next(2) == 0);
    }

    /// <summary>Every sibling family apart gets up to <paramref name="tries"/> tries; returns how many came together.</summary>
    public int JoinAll(Schedule s, Random rng, int tries = 3, CancellationToken token = default)
    {
        var joined = 0;
        for (var f = 0; f < _p.FamilyCount && !token.IsCancellationRequested; f++)
        {
            for (var i = 0; i < tries && s.FamilyApart[f]; i++)
            {
                if (TryJoin(s, f, rng, widen: i > 0))
                {
                    joined++;
                }
            }
        }
        return joined;
    }

    /// <summary>The family, the families holding the block's slots and, widened, those meeting the same teachers a slot before or after.</summary>
    private void CollectFamilies(Schedule s, int family, bool widen)
    {
        _stamp++;
        _families.Clear();
        Add(family);
        foreach (var r in _blockers)
        {
            Add(_p.RequestFamily[r]);
            if (!widen)
            {
                continue;
            }
            var grid = s.TeacherGrid[s.Teacher[r]];
            var start = s.Start[r];
            foreach (var k in (ReadOnlySpan<int>)[start - 1, start + _p.Length[r]])
            {
                if (k >= _p.SessionFirst[start] && k < _p.SessionEnd[start] && grid[k] >= 0)
                {
                    Add(_p.RequestFamily[grid[k]]);
                }
            }
        }
    }

    private void Add(int family)
    {
        if (_mark[family] != _stamp)
        {
            _mark[family] = _stamp;
            _families.Add(family);
        }
    }
}
