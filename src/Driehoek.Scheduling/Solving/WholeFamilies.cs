namespace Driehoek.Scheduling.Solving;

/// <summary>
/// Fewer families losing a meeting, at the same placement. When a teacher is booked full, which families lose a
/// meeting there is a free choice among meetings of equal priority; the search spreads those losses. This pass
/// gathers them: a family that lost exactly one meeting takes, at a time it can come, the slot of an equally
/// important meeting of the same length with the same teacher, held by a family that has lost a meeting
/// already — in place, or, when that clashes or makes it wait, with its whole evening planned again around the
/// freed slot. The first family is then whole and the second was short anyway. A swap is kept only when no
/// tier of the score gets worse (placement, family cost, siblings apart, teacher idle), so it never trades
/// anything the format ranks for it.
/// </summary>
internal sealed class WholeFamilies(Problem p)
{
    private readonly int[] _lost = new int[p.FamilyCount];
    private readonly FamilyPlanner _planner = new(p);
    private readonly FamilyPlan _plan = new(p.FamilyRequests.Length == 0 ? 1 : p.FamilyRequests.Max(r => r.Length));

    /// <summary>Swaps until none is left; returns how many families it made whole.</summary>
    public int Run(Schedule s, CancellationToken token = default)
    {
        Array.Clear(_lost);
        for (var r = 0; r < p.RequestCount; r++)
        {
            _lost[p.RequestFamily[r]] += s.IsPlaced(r) ? 0 : 1;
        }
        var whole = 0;
        for (var changed = true; changed && !token.IsCancellationRequested;)
        {
            changed = false;
            for (var f = 0; f < p.FamilyCount && !token.IsCancellationRequested; f++)
            {
                if (_lost[f] == 1 && TryMakeWhole(s, f))
                {
                    whole++;
                    changed = true;
                }
            }
        }
        return whole;
    }

    private bool TryMakeWhole(Schedule s, int family)
    {
        var request = Array.Find(p.FamilyRequests[family], r => !s.IsPlaced(r));
        var length = p.Length[request];
        foreach (var teacher in p.RequestTeachers[request])
        {
            var grid = s.TeacherGrid[teacher];
            for (var start = 0; start < p.SlotCount; start++)
            {
                var held = grid[start];
                if (held < 0 || s.Start[held] != start || p.Length[held] != length || p.Priority[held] != p.Priority[request])
                {
                    continue;
                }
                var other = p.RequestFamily[held];
                if (other == family || _lost[other] == 0 || !p.StaticallyFits(request, teacher, start))
                {
                    continue;
                }
                var before = s.Score;
                s.BeginRecording();
                s.Remove(held);
                if (s.FamilyCanTake(family, start, length))
                {
                    s.Place(request, teacher, start);
                    if (NoWorse(before, s.Score))
                    {
                        return Keep(s, family, other);
                    }
                    s.Remove(request);
                }
                s.RemoveFamily(family);
                _planner.Insert(s, family, _plan);
                if (p.FamilyRequests[family].All(s.IsPlaced) && NoWorse(before, s.Score))
                {
                    return Keep(s, family, other);
                }
                s.Rollback();
            }
        }
        return false;
    }

    private static bool NoWorse(Score before, Score after) =>
        after.Placed >= before.Placed && after.FamilyCost <= before.FamilyCost && after.SiblingsApart <= before.SiblingsApart && after.Idle <= before.Idle;

    private bool Keep(Schedule s, int family, int other)
    {
        s.StopRecording();
        _lost[family]--;
        _lost[other]++;
        return true;
    }
}
