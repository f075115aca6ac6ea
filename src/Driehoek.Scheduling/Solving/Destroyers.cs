namespace Driehoek.Scheduling.Solving;

/// <summary>The destroy moves of the large neighbourhood search: each picks families to take out of the schedule.</summary>
internal enum DestroyMove
{
    RandomFamilies,
    SharedTeacher,
    WorstWaiting,
    SiblingSets,
    TimeStrip,
    UnplacedRelated,
    IdleTeacher,
    SiblingRoom,
}

internal sealed class Destroyers(Problem p, Random rng)
{
    public const int Count = 8;

    private readonly List<int> _selected = [];
    private readonly int[] _mark = new int[p.FamilyCount];
    private readonly List<int> _pool = [];
    private readonly List<int> _blockers = [];
    private readonly BlockFinder _blocks = new(p);
    private int _stamp;

    /// <summary>The family the last selection made room for (−1 when none): repair puts it back first.</summary>
    public int Anchor { get; private set; } = -1;

    /// <summary>Selects up to <paramref name="k"/> families for <paramref name="move"/>; the schedule is not changed.</summary>
    public List<int> Select(Schedule s, DestroyMove move, int k)
    {
        _selected.Clear();
        _stamp++;
        Anchor = -1;
        switch (move)
        {
            case DestroyMove.RandomFamilies:
                AddRandom(k);
                break;
            case DestroyMove.SharedTeacher:
                SharedTeacher(s, RandomAttending(s), k);
                break;
            case DestroyMove.WorstWaiting:
                WorstWaiting(s, k);
                break;
            case DestroyMove.SiblingSets:
                SiblingSets(s, k);
                break;
            case DestroyMove.TimeStrip:
                TimeStrip(s, k);
                break;
            case DestroyMove.UnplacedRelated:
                UnplacedRelated(s, k);
                break;
            case DestroyMove.IdleTeacher:
                IdleTeacher(s, k);
                break;
            case DestroyMove.SiblingRoom:
                SiblingRoom(s, k);
                break;
        }
        if (_selected.Count < 2)
        {
            AddRandom(Math.Min(k, 2));
        }
        return _selected;
    }

    private bool Add(int family)
    {
        if (family < 0 || _mark[family] == _stamp)
        {
            return false;
        }
        _mark[family] = _stamp;
        _selected.Add(family);
        return true;
    }

    private void AddRandom(int k)
    {
        for (var tries = 0; _selected.Count < k && tries < 4 * k + 8; tries++)
        {
            Add(rng.Next(p.FamilyCount));
        }
    }

    private int RandomAttending(Schedule s)
    {
        for (var tries = 0; tries < 20; tries++)
        {
            var f = rng.Next(p.FamilyCount);
            if (p.FamilyRequests[f].Any(s.IsPlaced))
            {
                return f;
            }
        }
        return rng.Next(p.FamilyCount);
    }

    /// <summary>The seed family plus families meeting the same teachers close in time, so their slots can be swapped.</summary>
    private void SharedTeacher(Schedule s, int seed, int k)
    {
        Add(seed);
        _pool.Clear();
        var window = 2 + rng.Next(6);
        foreach (var r in p.FamilyRequests[seed])
        {
            var teachers = s.IsPlaced(r) ? [s.Teacher[r]] : p.RequestTeachers[r];
            foreach (var t in teachers)
            {
                var from = s.IsPlaced(r) ? Math.Max(p.DayFirst[p.SlotDay[s.Start[r]]], s.Start[r] - window) : 0;
                var to = s.IsPlaced(r) ? Math.Min(p.DayEnd[p.SlotDay[s.Start[r]]], s.Start[r] + p.Length[r] + window) : p.SlotCount;
                for (var k2 = from; k2 < to; k2++)
                {
                    var other = s.TeacherGrid[t][k2];
                    if (other >= 0)
                    {
                        _pool.Add(p.RequestFamily[other]);
                    }
                }
            }
        }
        AddFromPool(k);
    }

    private void AddFromPool(int k)
    {
        for (var i = _pool.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (_pool[i], _pool[j]) = (_pool[j], _pool[i]);
        }
        foreach (var f in _pool)
        {
            if (_selected.Count >= k)
            {
                break;
            }
            Add(f);
        }
    }

    /// <summary>Families that wait, biased to the worst, each with neighbours that hold its teachers' nearby slots.</summary>
    private void WorstWaiting(Schedule s, int k)
    {
        var waiting = new List<int>();
        for (var f = 0; f < p.FamilyCount; f++)
        {
            if (s.FamilyCost[f] > 0)
            {
                waiting.Add(f);
            }
        }
        if (waiting.Count == 0)
        {
            AddRandom(k);
            return;
        }
        waiting.Sort((a, b) => s.FamilyCost[b].CompareTo(s.FamilyCost[a]));
        var seeds = 1 + rng.Next(Math.Min(4, waiting.Count));
        for (var i = 0; i < seeds && _selected.Count < k; i++)
        {
            var pick = waiting[(int)(Math.Pow(rng.NextDouble(), 3) * waiting.Count)];
            SharedTeacher(s, pick, Math.Min(k, _selected.Count + 1 + k / seeds));
        }
    }

    private void SiblingSets(Schedule s, int k)
    {
        var broken = ApartFamilies(s);
        if (broken.Count == 0)
        {
            WorstWaiting(s, k);
            return;
        }
        var seeds = 1 + rng.Next(Math.Min(3, broken.Count));
        for (var i = 0; i < seeds && _selected.Count < k; i++)
        {
            SharedTeacher(s, broken[rng.Next(broken.Count)], Math.Min(k, _selected.Count + 1 + k / seeds));
        }
    }

    /// <summary>Sibling families not in one block, and other families with several students that wait or lost a request.</summary>
    private List<int> ApartFamilies(Schedule s)
    {
        var broken = new List<int>();
        for (var f = 0; f < p.FamilyCount; f++)
        {
            if (s.FamilyApart[f] || (p.FamilyStudents[f] >= 2 && (s.FamilyCost[f] > 0 || p.FamilyRequests[f].Any(r => !s.IsPlaced(r)))))
            {
                broken.Add(f);
            }
        }
        return broken;
    }

    /// <summary>
    /// Makes room for a sibling family that is apart (and not <see cref="BlockFinder.Hopeless"/>): the family,
    /// and every family holding one of its teachers where its block would meet fewest other meetings
    /// (<see cref="BlockFinder"/>). The family is the anchor, so repair puts it back first, into that room.
    /// </summary>
    private void SiblingRoom(Schedule s, int k)
    {
        _pool.Clear();
        for (var f = 0; f < p.FamilyCount; f++)
        {
            if (s.FamilyApart[f] && !_blocks.Hopeless(s, f))
            {
                _pool.Add(f);
            }
        }
        if (_pool.Count == 0)
        {
            SiblingSets(s, k);
            return;
        }
        var family = _pool[rng.Next(_pool.Count)];
        _blockers.Clear();
        if (!_blocks.FindBlockers(s, family, rng, _blockers))
        {
            SharedTeacher(s, family, k);
            return;
        }
        Add(family);
        Anchor = family;
        foreach (var r in _blockers)
        {
            Add(p.RequestFamily[r]);
        }
    }

    /// <summary>Every family meeting a few teachers inside a window of one day.</summary>
    private void TimeStrip(Schedule s, int k)
    {
        var day = rng.Next(p.DayCount);
        var width = 3 + rng.Next(6);
        var from = p.DayFirst[day] + rng.Next(Math.Max(1, p.DayEnd[day] - p.DayFirst[day] - width + 1));
        var to = Math.Min(p.DayEnd[day], from + width);
        _pool.Clear();
        var teachers = 2 + rng.Next(5);
        for (var i = 0; i < teachers; i++)
        {
            var t = rng.Next(p.TeacherCount);
            for (var slot = from; slot < to; slot++)
            {
                var r = s.TeacherGrid[t][slot];
                if (r >= 0)
                {
                    _pool.Add(p.RequestFamily[r]);
                }
            }
        }
        AddFromPool(k);
    }

    /// <summary>A family with an unplaced request plus the families holding that request's teachers when the family can come.</summary>
    private void UnplacedRelated(Schedule s, int k)
    {
        var unplaced = new List<int>();
        for (var r = 0; r < p.RequestCount; r++)
        {
            if (!s.IsPlaced(r))
            {
                unplaced.Add(r);
            }
        }
        if (unplaced.Count == 0)
        {
            WorstWaiting(s, k);
            return;
        }
        var request = unplaced[rng.Next(unplaced.Count)];
        var family = p.RequestFamily[request];
        Add(family);
        _pool.Clear();
        foreach (var t in p.RequestTeachers[request])
        {
            for (var slot = 0; slot < p.SlotCount; slot++)
            {
                var other = s.TeacherGrid[t][slot];
                if (other >= 0 && p.FamilyAvailable[family][slot])
                {
                    _pool.Add(p.RequestFamily[other]);
                }
            }
        }
        AddFromPool(k);
    }

    /// <summary>Families meeting the teacher-day with the most idle time (chosen by roulette on idle minutes).</summary>
    private void IdleTeacher(Schedule s, int k)
    {
        var total = s.TotalIdle;
        if (total <= 0)
        {
            AddRandom(k);
            return;
        }
        var pick = (long)(rng.NextDouble() * total);
        var index = 0;
        for (; index < s.TeacherDayIdle.Length - 1; index++)
        {
            pick -= s.TeacherDayIdle[index];
            if (pick < 0)
            {
                break;
            }
        }
        var teacher = index / p.DayCount;
        var day = index % p.DayCount;
        _pool.Clear();
        for (var slot = p.DayFirst[day]; slot < p.DayEnd[day]; slot++)
        {
            var r = s.TeacherGrid[teacher][slot];
            if (r >= 0)
            {
                _pool.Add(p.RequestFamily[r]);
            }
        }
        AddFromPool(k);
    }
}
