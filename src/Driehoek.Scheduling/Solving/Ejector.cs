namespace Driehoek.Scheduling.Solving;

/// <summary>
/// Raises placement with ejection chains: an unplaced request takes a slot held by one or two other
/// meetings, which move to their best free position elsewhere (or, one level deeper, eject in turn). A
/// chain is kept only when placement rises; otherwise every step is undone.
/// </summary>
internal sealed class Ejector(Problem p, Random rng)
{
    private readonly List<(int Request, int Teacher, int Start)> _undo = [];

    /// <summary>Tries to place every unplaced request in <paramref name="requests"/>, until cancelled; returns how many got placed.</summary>
    public int PlaceAll(Schedule s, IEnumerable<int> requests, int depth, CancellationToken token = default)
    {
        var placed = 0;
        foreach (var r in requests)
        {
            if (token.IsCancellationRequested)
            {
                break;
            }
            if (!s.IsPlaced(r) && TryPlace(s, r, depth))
            {
                placed++;
            }
        }
        return placed;
    }

    public bool TryPlace(Schedule s, int request, int depth)
    {
        _undo.Clear();
        var before = s.PlacedPriority;
        if (Attempt(s, request, depth, maxCandidates: depth > 1 ? 24 : 200) && s.PlacedPriority > before)
        {
            return true;
        }
        Revert(s, 0);
        return false;
    }

    private bool Attempt(Schedule s, int request, int depth, int maxCandidates)
    {
        var family = p.RequestFamily[request];
        var length = p.Length[request];
        var candidates = CollectCandidates(request);
        Span<int> blockers = stackalloc int[4];
        foreach (var (t, start) in candidates.Take(maxCandidates))
        {
            var count = Blockers(s, t, family, start, length, blockers);
            if (count == 0 && !s.CanPlace(request, t, start) && s.FamilyCanTake(family, start, length))
            {
                // Free, but the teacher's break rule is in the way: move one meeting out of the run instead.
                count = RunNeighbour(s, t, start, length, blockers);
            }
            if (count <= 0)
            {
                continue;
            }
            var mark = _undo.Count;
            var droppedPriority = 0;
            for (var i = 0; i < count; i++)
            {
                Move(s, blockers[i], -1, -1);
            }
            if (!s.CanPlace(request, t, start))
            {
                Revert(s, mark);
                continue;
            }
            Move(s, request, t, start);
            for (var i = 0; i < count && droppedPriority < p.Priority[request]; i++)
            {
                var b = blockers[i];
                var (bt, bs) = FamilyPlanner.BestSingle(s, b);
                if (bt >= 0)
                {
                    Move(s, b, bt, bs);
                }
                else if (!(depth > 1 && Attempt(s, b, depth - 1, 8)))
                {
                    droppedPriority += p.Priority[b];
                }
            }
            if (droppedPriority < p.Priority[request])
            {
                return true;
            }
            Revert(s, mark);
        }
        return false;
    }

    private List<(int Teacher, int Start)> CollectCandidates(int request)
    {
        var candidates = new List<(int, int)>();
        foreach (var t in p.RequestTeachers[request])
        {
            for (var start = 0; start + p.Length[request] <= p.SlotCount; start++)
            {
                if (p.StaticallyFits(request, t, start))
                {
                    candidates.Add((t, start));
                }
            }
        }
        // Shuffle so repeated calls explore different chains.
        for (var i = candidates.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }
        return candidates;
    }

    /// <summary>Distinct meetings in the way of a meeting at (t, start); −1 when more than two.</summary>
    private static int Blockers(Schedule s, int t, int family, int start, int length, Span<int> result)
    {
        var count = 0;
        for (var k = start; k < start + length; k++)
        {
            foreach (var b in (ReadOnlySpan<int>)[s.TeacherGrid[t][k], s.FamilyGrid[family][k]])
            {
                if (b < 0 || result[..count].Contains(b))
                {
                    continue;
                }
                if (count == 2)
                {
                    return -1;
                }
                result[count++] = b;
            }
        }
        return count;
    }

    /// <summary>A random meeting of the back-to-back run that a meeting at (t, start) would join.</summary>
    private int RunNeighbour(Schedule s, int t, int start, int length, Span<int> result)
    {
        var grid = s.TeacherGrid[t];
        var members = new List<int>();
        for (var k = start - 1; k >= p.SessionFirst[start] && grid[k] >= 0; k--)
        {
            members.Add(grid[k]);
        }
        for (var k = start + length; k < p.SessionEnd[start] && grid[k] >= 0; k++)
        {
            members.Add(grid[k]);
        }
        if (members.Count == 0)
        {
            return 0;
        }
        result[0] = members[rng.Next(members.Count)];
        return 1;
    }

    private void Move(Schedule s, int request, int teacher, int start)
    {
        _undo.Add((request, s.Teacher[request], s.Start[request]));
        s.Remove(request);
        if (teacher >= 0)
        {
            s.Place(request, teacher, start);
        }
    }

    private void Revert(Schedule s, int mark)
    {
        for (var i = _undo.Count - 1; i >= mark; i--)
        {
            var (r, t, start) = _undo[i];
            s.Remove(r);
            if (t >= 0)
            {
                s.Place(r, t, start);
            }
        }
        _undo.RemoveRange(mark, _undo.Count - mark);
    }
}
