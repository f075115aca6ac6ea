namespace Driehoek.Scheduling.Solving;

/// <summary>
/// Where a family's meetings could sit in one unbroken block with the fewest other meetings in the way. For
/// every first slot a programme over subsets of the family's requests (the next meeting starts where the
/// subset's meetings end, as in <see cref="FamilyPlanner"/>) counts the teacher slots other families hold;
/// the block with the fewest, ties broken at random, names the meetings to move out of the way.
/// </summary>
internal sealed class BlockFinder
{
    private const int Infinity = int.MaxValue;
    private readonly Problem _p;
    private readonly int[] _cost = new int[1 << FamilyPlanner.MaxRequests];
    private readonly int[] _parent = new int[1 << FamilyPlanner.MaxRequests];
    private readonly int[] _parentTeacher = new int[1 << FamilyPlanner.MaxRequests];
    private readonly int[] _lengthOf = new int[1 << FamilyPlanner.MaxRequests];
    private bool _weighPriority;

    public BlockFinder(Problem p) => _p = p;

    /// <summary>
    /// Adds the other families' requests in the way of the family's cheapest block to <paramref name="blockers"/>;
    /// false when the family cannot form a block at all (or has more requests than the planner handles).
    /// </summary>
    /// <param name="weighPriority">
    /// Cost a meeting in the way by what losing it would cost (see <see cref="EvictionCost"/>) instead of one per
    /// slot: on a full teacher every slot is taken, and the block should take the slot of a meeting no more
    /// important than the sibling's, preferably of a family that does not then fall apart itself.
    /// </param>
    public bool FindBlockers(Schedule s, int family, Random rng, List<int> blockers, bool weighPriority = false)
    {
        _weighPriority = weighPriority;
        var requests = _p.FamilyRequests[family];
        var n = requests.Length;
        if (n < 2 || n > FamilyPlanner.MaxRequests)
        {
            return false;
        }
        var full = (1 << n) - 1;
        for (var mask = 1; mask <= full; mask++)
        {
            var low = System.Numerics.BitOperations.TrailingZeroCount(mask);
            _lengthOf[mask] = _lengthOf[mask & (mask - 1)] + _p.Length[requests[low]];
        }
        int bestCost = Infinity, bestStart = -1, ties = 0;
        for (var a = 0; a + _lengthOf[full] <= _p.SlotCount; a++)
        {
            if (a + _lengthOf[full] > _p.SessionEnd[a])
            {
                continue;
            }
            var cost = Run(s, family, requests, a);
            if (cost == Infinity || cost > bestCost)
            {
                continue;
            }
            ties = cost < bestCost ? 1 : ties + 1;
            if (cost < bestCost || rng.Next(ties) == 0)
            {
                bestCost = cost;
                bestStart = a;
            }
        }
        if (bestStart < 0)
        {
            return false;
        }
        Run(s, family, requests, bestStart);
        for (var mask = full; mask != 0;)
        {
            var i = _parent[mask];
            var previous = mask ^ (1 << i);
            var start = bestStart + _lengthOf[previous];
            var teacher = _parentTeacher[mask];
            var grid = s.TeacherGrid[teacher];
            for (var k = start; k < start + _p.Length[requests[i]]; k++)
            {
                if (grid[k] >= 0 && _p.RequestFamily[grid[k]] != family)
                {
                    blockers.Add(grid[k]);
                }
            }
            var (breaker, _) = RunBreaker(s, family, requests[i], teacher, start);
            if (breaker >= 0)
            {
                blockers.Add(breaker);
            }
            mask = previous;
        }
        return true;
    }

    /// <summary>
    /// True when the family is left with meetings for fewer than two students and every request of the missing
    /// students is on teachers with no free slot at all and only more important meetings: no block can bring
    /// those children in without placing less, so room-making for this family is wasted.
    /// </summary>
    public bool Hopeless(Schedule s, int family)
    {
        var present = 0;
        foreach (var r in _p.FamilyRequests[family])
        {
            present |= s.IsPlaced(r) ? 1 << Math.Min(31, _p.RequestStudent[r]) : 0;
        }
        if (System.Numerics.BitOperations.PopCount((uint)present) >= 2)
        {
            return false;
        }
        foreach (var r in _p.FamilyRequests[family])
        {
            if ((present & 1 << Math.Min(31, _p.RequestStudent[r])) == 0 && !_p.RequestTeachers[r].All(t => FullAbove(s, t, _p.Priority[r])))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The teacher is busy in every slot it is available, each meeting more important than <paramref name="priority"/>.</summary>
    private bool FullAbove(Schedule s, int teacher, int priority)
    {
        var grid = s.TeacherGrid[teacher];
        var available = _p.TeacherAvailable[teacher];
        for (var k = 0; k < _p.SlotCount; k++)
        {
            if (available[k] && (grid[k] < 0 || _p.Priority[grid[k]] <= priority))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Fewest occupied teacher slots over all orders of a block starting at <paramref name="a"/>; fills the parents.</summary>
    private int Run(Schedule s, int family, int[] requests, int a)
    {
        var full = (1 << requests.Length) - 1;
        Array.Fill(_cost, Infinity, 0, full + 1);
        _cost[0] = 0;
        for (var mask = 0; mask < full; mask++)
        {
            if (_cost[mask] == Infinity)
            {
                continue;
            }
            var start = a + _lengthOf[mask];
            for (var i = 0; i < requests.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    continue;
                }
                var (teacher, occupied) = CheapestTeacher(s, family, requests[i], start);
                var next = mask | (1 << i);
                if (teacher >= 0 && _cost[mask] + occupied < _cost[next])
                {
                    _cost[next] = _cost[mask] + occupied;
                    _parent[next] = i;
                    _parentTeacher[next] = teacher;
                }
            }
        }
        return _cost[full];
    }

    /// <summary>The request's teacher whose slots at start … are cheapest to clear of other families' meetings; (−1, 0) when none can be there.</summary>
    private (int Teacher, int Occupied) CheapestTeacher(Schedule s, int family, int request, int start)
    {
        int bestTeacher = -1, bestOccupied = Infinity;
        foreach (var t in _p.RequestTeachers[request])
        {
            if (!_p.StaticallyFits(request, t, start))
            {
                continue;
            }
            var grid = s.TeacherGrid[t];
            var occupied = 0;
            for (var k = start; k < start + _p.Length[request]; k++)
            {
                if (grid[k] >= 0 && _p.RequestFamily[grid[k]] != family)
                {
                    occupied += SlotCost(s, grid[k], request);
                }
            }
            var (_, breakCost) = RunBreaker(s, family, request, t, start);
            if (breakCost != Infinity && occupied + breakCost < bestOccupied)
            {
                bestOccupied = occupied + breakCost;
                bestTeacher = t;
            }
        }
        return (bestTeacher, bestTeacher < 0 ? 0 : bestOccupied);
    }

    /// <summary>
    /// When the meeting at start … would make the teacher hold more meetings back to back than maxConsecutive
    /// allows (the meetings in its slots gone), the neighbouring meeting whose eviction is cheapest and leaves a
    /// run short enough, with that cost; (−1, 0) when no break is needed, (−1, ∞) when neither neighbour helps.
    /// The family's own meetings count as gone: it is planned again into the block.
    /// </summary>
    private (int Breaker, int Cost) RunBreaker(Schedule s, int family, int request, int teacher, int start)
    {
        var max = _p.MaxConsecutive[teacher];
        if (max == int.MaxValue)
        {
            return (-1, 0);
        }
        var end = start + _p.Length[request];
        var grid = s.TeacherGrid[teacher];
        var (before, first) = Neighbours(s, family, grid, start - 1, -1, start, end);
        var (after, next) = Neighbours(s, family, grid, end, +1, start, end);
        if (before + 1 + after <= max)
        {
            return (-1, 0);
        }
        int breaker = -1, cost = Infinity;
        if (first >= 0 && 1 + after <= max)
        {
            (breaker, cost) = (first, SlotCost(s, first, request));
        }
        if (next >= 0 && before + 1 <= max && SlotCost(s, next, request) < cost)
        {
            (breaker, cost) = (next, SlotCost(s, next, request));
        }
        return (breaker, cost);
    }

    /// <summary>Meetings back to back from slot k in direction step, and the nearest of them; meetings overlapping the block or of the family count as gone.</summary>
    private (int Count, int Nearest) Neighbours(Schedule s, int family, int[] grid, int k, int step, int blockStart, int blockEnd)
    {
        int count = 0, nearest = -1, previous = -1;
        for (; k >= _p.SessionFirst[blockStart] && k < _p.SessionEnd[blockStart]; k += step)
        {
            var r = grid[k];
            if (r < 0 || _p.RequestFamily[r] == family || (s.Start[r] < blockEnd && s.Start[r] + _p.Length[r] > blockStart))
            {
                break;
            }
            if (r != previous)
            {
                count++;
                nearest = nearest < 0 ? r : nearest;
                previous = r;
            }
        }
        return (count, nearest);
    }

    /// <summary>What moving <paramref name="blocker"/> out of the way costs: <see cref="EvictionCost"/> when weighing priority, else one.</summary>
    private int SlotCost(Schedule s, int blocker, int request) => _weighPriority ? EvictionCost(s, blocker, request) : 1;

    /// <summary>
    /// What a slot of <paramref name="blocker"/> costs when <paramref name="request"/> takes it: one, plus a
    /// thousand per priority point the blocker has above the request (it can only come back elsewhere or lower
    /// placement), plus a hundred when it is the only meeting of its student in a sibling family now together
    /// (which would fall apart if it found no other slot).
    /// </summary>
    internal int EvictionCost(Schedule s, int blocker, int request)
    {
        var cost = 1 + 1000 * Math.Max(0, _p.Priority[blocker] - _p.Priority[request]);
        var other = _p.RequestFamily[blocker];
        if (_p.SiblingBlockPossible[other] && !s.FamilyApart[other] && OnlyMeetingOfStudent(s, blocker))
        {
            cost += 100;
        }
        return cost;
    }

    private bool OnlyMeetingOfStudent(Schedule s, int request)
    {
        foreach (var r in _p.FamilyRequests[_p.RequestFamily[request]])
        {
            if (r != request && s.IsPlaced(r) && _p.RequestStudent[r] == _p.RequestStudent[request])
            {
                return false;
            }
        }
        return true;
    }
}
