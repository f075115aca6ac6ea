namespace Driehoek.Scheduling.Solving;

/// <summary>
/// Places one family optimally for the family, given all other meetings: for every day and every first
/// start it runs a dynamic programme over subsets of the family's requests, where each subset keeps the
/// earliest end reachable by placing its requests one after another at their earliest free start. Because
/// a request's earliest free start only grows with the time it may start, the earliest end of a subset is
/// exact over all orders, so the minimum span per day (hence minimum waiting) is exact. Days are then
/// combined by a subset-partition programme that charges the extra-visit minutes, and ties are broken by
/// the teacher idle time the placement adds.
/// </summary>
internal sealed partial class FamilyPlanner
{
    /// <summary>Families with more requests are planned for their first requests by priority; the rest go one by one.</summary>
    public const int MaxRequests = 12;

    private const int Infinity = int.MaxValue;
    private readonly Problem _p;
    private readonly int[][] _fit;
    private readonly int[][] _next;
    private readonly int[] _best;
    private readonly int[] _parent;
    private readonly int[] _parentStart;
    private readonly long[] _idle;
    private readonly int[][] _costDay;
    private readonly int[][] _partition;
    private readonly int[][] _choice;
    private readonly int[] _lengthMinutes;
    private readonly int[] _priority;
    private readonly int[] _requests = new int[MaxRequests];
    private readonly int[] _length = new int[MaxRequests];
    private readonly int[] _students;
    private int _apartMinutes;

    public FamilyPlanner(Problem problem)
    {
        _p = problem;
        const int masks = 1 << MaxRequests;
        _fit = new int[MaxRequests][];
        _next = new int[MaxRequests][];
        for (var i = 0; i < MaxRequests; i++)
        {
            _fit[i] = new int[problem.SlotCount + 1];
            _next[i] = new int[problem.SlotCount + 1];
        }
        _best = new int[masks];
        _parent = new int[masks];
        _parentStart = new int[masks];
        _idle = new long[masks];
        _costDay = new int[Math.Max(1, problem.DayCount)][];
        _partition = new int[Math.Max(1, problem.DayCount)][];
        _choice = new int[Math.Max(1, problem.DayCount)][];
        for (var d = 0; d < _costDay.Length; d++)
        {
            _costDay[d] = new int[masks];
            _partition[d] = new int[masks];
            _choice[d] = new int[masks];
        }
        _lengthMinutes = new int[masks];
        _students = new int[masks];
        _priority = new int[masks];
    }

    /// <summary>Plans every unplaced request of <paramref name="family"/> (up to <see cref="MaxRequests"/>); changes nothing.</summary>
    public void Plan(Schedule s, int family, FamilyPlan plan)
    {
        plan.Clear(family);
        var n = CollectRequests(s, family);
        if (n == 0)
        {
            return;
        }
        _apartMinutes = _p.SiblingBlockPossible[family] ? _p.SiblingsApartMinutes : 0;
        var full = (1 << n) - 1;
        ComputeFits(s, family, n);
        PrepareMasks(n);
        var (c1, count1, c2) = SingleDayCosts(n);
        plan.Options = count1;
        plan.Regret = count1 >= 2 ? 0
            : c2 == Infinity ? 4 * _p.ExtraVisitMinutes + _apartMinutes + (c1 == Infinity ? 1000 : 0)
            : WithApart(full, c2) - WithApart(full, c1);
        if (c1 != Infinity && (c1 <= _p.ExtraVisitMinutes || _p.DayCount == 1))
        {
            var day = Array.FindIndex(_costDay, 0, _p.DayCount, c => c[full] == c1);
            plan.Priority = _priority[full];
            Reconstruct(s, day, full, n, plan);
            return;
        }
        var mask = Partition(n);
        plan.Priority = _priority[mask];
        var together = TogetherDay(mask);
        if (together >= 0)
        {
            Reconstruct(s, together, mask, n, plan);
            return;
        }
        for (var d = _p.DayCount - 1; d >= 0 && mask != 0; d--)
        {
            var part = d == 0 ? mask : _choice[d][mask];
            if (part != 0)
            {
                Reconstruct(s, d, part, n, plan);
            }
            mask ^= part;
        }
    }

    /// <summary>Cost of placing <paramref name="mask"/> on one day with <paramref name="waiting"/>, plus the siblings-apart minutes unless that is one block for two students.</summary>
    private int WithApart(int mask, int waiting) =>
        waiting + (_apartMinutes > 0 && !(waiting == 0 && StudentCount(mask) >= 2) ? _apartMinutes : 0);

    /// <summary>A day on which <paramref name="mask"/> forms one block without waiting, for two or more students; −1 when none.</summary>
    private int TogetherDay(int mask)
    {
        if (mask == 0 || StudentCount(mask) < 2)
        {
            return -1;
        }
        for (var d = 0; d < _p.DayCount; d++)
        {
            if (_costDay[d][mask] == 0)
            {
                return d;
            }
        }
        return -1;
    }

    /// <summary>Plans and places the family; requests beyond <see cref="MaxRequests"/> or invalidated by the family's own meetings go one by one.</summary>
    public void Insert(Schedule s, int family, FamilyPlan plan)
    {
        Plan(s, family, plan);
        Commit(s, plan);
    }

    public void Commit(Schedule s, FamilyPlan plan)
    {
        for (var i = 0; i < plan.Count; i++)
        {
            var r = plan.Requests[i];
            if (!s.IsPlaced(r) && s.CanPlace(r, plan.Teachers[i], plan.Starts[i]))
            {
                s.Place(r, plan.Teachers[i], plan.Starts[i]);
            }
        }
        foreach (var r in _p.FamilyRequests[plan.Family])
        {
            if (!s.IsPlaced(r) && BestSingle(s, r) is var (t, start) && t >= 0)
            {
                s.Place(r, t, start);
            }
        }
    }

    /// <summary>The best single position for one request, with the family's other meetings fixed; (−1, −1) when none.</summary>
    public static (int Teacher, int Start) BestSingle(Schedule s, int request)
    {
        var p = s.P;
        var family = p.RequestFamily[request];
        var length = p.Length[request];
        var bestCost = long.MaxValue;
        (int, int) best = (-1, -1);
        foreach (var t in p.RequestTeachers[request])
        {
            for (var start = 0; start + length <= p.SlotCount; start++)
            {
                if (!s.FamilyCanTake(family, start, length) || !s.TeacherCanTake(t, start, length))
                {
                    continue;
                }
                var cost = (long)s.FamilyCostWith(request, start) * 1_000_000 + s.IdleDelta(t, start, length);
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = (t, start);
                }
            }
        }
        return best;
    }

    private int CollectRequests(Schedule s, int family)
    {
        var n = 0;
        foreach (var r in _p.FamilyRequests[family])
        {
            if (!s.IsPlaced(r))
            {
                if (n < MaxRequests)
                {
                    _requests[n++] = r;
                }
                else
                {
                    // Keep the highest priorities inside the exact programme.
                    var lowest = 0;
                    for (var i = 1; i < n; i++)
                    {
                        lowest = _p.Priority[_requests[i]] < _p.Priority[_requests[lowest]] ? i : lowest;
                    }
                    if (_p.Priority[r] > _p.Priority[_requests[lowest]])
                    {
                        _requests[lowest] = r;
                    }
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            _length[i] = _p.Length[_requests[i]];
        }
        return n;
    }

    /// <summary>_fit[i][slot]: bit j set when the request's j-th teacher can take it there; _next: next slot of the day that fits.</summary>
    private void ComputeFits(Schedule s, int family, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var r = _requests[i];
            var teachers = _p.RequestTeachers[r];
            var fit = _fit[i];
            var next = _next[i];
            for (var d = 0; d < _p.DayCount; d++)
            {
                var following = -1;
                for (var slot = _p.DayEnd[d] - 1; slot >= _p.DayFirst[d]; slot--)
                {
                    var mask = 0;
                    if (slot + _length[i] <= _p.SessionEnd[slot] && s.FamilyCanTake(family, slot, _length[i]))
                    {
                        for (var j = 0; j < teachers.Length && j < 31; j++)
                        {
                            if (s.TeacherCanTake(teachers[j], slot, _length[i]))
                            {
                                mask |= 1 << j;
                            }
                        }
                    }
                    fit[slot] = mask;
                    following = mask != 0 ? slot : following;
                    next[slot] = following;
                }
            }
        }
    }

    private void PrepareMasks(int n)
    {
        _lengthMinutes[0] = 0;
        _priority[0] = 0;
        for (var mask = 1; mask < 1 << n; mask++)
        {
            var low = System.Numerics.BitOperations.TrailingZeroCount(mask);
            _lengthMinutes[mask] = _lengthMinutes[mask & (mask - 1)] + _length[low] * _p.SlotMinutes;
            _priority[mask] = _priority[mask & (mask - 1)] + _p.Priority[_requests[low]];
            _students[mask] = _students[mask & (mask - 1)] | 1 << Math.Min(31, _p.RequestStudent[_requests[low]]);
        }
    }

    /// <summary>Fills _costDay[d][mask] with the least waiting of each subset on each day; returns the full set's best, its count and the next best.</summary>
    private (int Best, int Count, int Second) SingleDayCosts(int n)
    {
        var full = (1 << n) - 1;
        int c1 = Infinity, count1 = 0, c2 = Infinity;
        for (var d = 0; d < _p.DayCount; d++)
        {
            var cost = _costDay[d];
            Array.Fill(cost, Infinity, 0, full + 1);
            cost[0] = 0;
            for (var a = _p.DayFirst[d]; a < _p.DayEnd[d]; a++)
            {
                if (!AnyFitsAt(n, a))
                {
                    continue;
                }
                RunFrom(null, a, d, n, full);
                var startMinute = _p.SlotMinute[a];
                for (var mask = 1; mask <= full; mask++)
                {
                    var end = _best[mask];
                    if (end == Infinity)
                    {
                        continue;
                    }
                    var waiting = _p.SlotMinute[end - 1] + _p.SlotMinutes - startMinute - _lengthMinutes[mask];
                    if (waiting < cost[mask])
                    {
                        cost[mask] = waiting;
                    }
                }
                var fullEnd = _best[full];
                if (fullEnd != Infinity)
                {
                    var w = _p.SlotMinute[fullEnd - 1] + _p.SlotMinutes - startMinute - _lengthMinutes[full];
                    if (w < c1)
                    {
                        c2 = c1;
                        c1 = w;
                        count1 = 1;
                    }
                    else if (w == c1)
                    {
                        count1++;
                    }
                    else if (w < c2)
                    {
                        c2 = w;
                    }
                }
            }
        }
        return (c1, count1, c2);
    }

    private bool AnyFitsAt(int n, int slot)
    {
        for (var i = 0; i < n; i++)
        {
            if (_fit[i][slot] != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Earliest end of every subset ⊆ <paramref name="within"/> when meetings start at or after <paramref name="a"/>
    /// on day <paramref name="d"/>. With a schedule, equal ends are broken by the teacher idle time added, which
    /// keeps the end exact and picks the better order of the family's meetings for the teachers.
    /// </summary>
    private void RunFrom(Schedule? s, int a, int d, int n, int within)
    {
        var full = (1 << n) - 1;
        Array.Fill(_best, Infinity, 0, full + 1);
        _best[0] = a;
        _idle[0] = 0;
        var dayEnd = _p.DayEnd[d];
        for (var mask = 0; mask < full; mask++)
        {
            var end = _best[mask];
            if (end == Infinity || end >= dayEnd || (mask & ~within) != 0)
            {
                continue;
            }
            for (var i = 0; i < n; i++)
            {
                var bit = 1 << i;
                if ((mask & bit) != 0 || (within & bit) == 0)
                {
                    continue;
                }
                var start = _next[i][end];
                if (start < 0)
                {
                    continue;
                }
                var newEnd = start + _length[i];
                var next = mask | bit;
                if (newEnd > _best[next])
                {
                    continue;
                }
                var idle = s is null ? 0 : _idle[mask] + BestTeacher(s, i, start).Delta;
                if (newEnd < _best[next] || idle < _idle[next])
                {
                    _best[next] = newEnd;
                    _idle[next] = idle;
                    _parent[next] = i;
                    _parentStart[next] = start;
                }
            }
        }
    }

    /// <summary>The teacher of request i that can take <paramref name="start"/> and adds least idle time.</summary>
    private (int Teacher, int Delta) BestTeacher(Schedule s, int i, int start)
    {
        var teachers = _p.RequestTeachers[_requests[i]];
        var fit = _fit[i][start];
        int bestTeacher = -1, bestDelta = int.MaxValue;
        for (var j = 0; j < teachers.Length && j < 31; j++)
        {
            if ((fit & (1 << j)) == 0)
            {
                continue;
            }
            var delta = s.IdleDelta(teachers[j], start, _length[i]);
            if (delta < bestDelta)
            {
                bestDelta = delta;
                bestTeacher = teachers[j];
            }
        }
        return (bestTeacher, bestDelta);
    }
}
