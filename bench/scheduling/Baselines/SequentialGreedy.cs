using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Baselines;

/// <summary>
/// One family at a time in the order the requests came in: each family gets the window on one day that
/// makes it wait least, filling its conversations in the order listed at the earliest free slots; a family
/// that fits on no single day gets each conversation at the earliest free slot anywhere.
/// </summary>
public static class SequentialGreedy
{
    public static Solution Solve(Instance instance)
    {
        var grid = new BaselineGrid(instance);
        foreach (var family in instance.Families)
        {
            var best = BestWindow(grid, family);
            if (best is not null)
            {
                foreach (var (request, teacher, start) in best)
                {
                    // Two of the family's meetings with one teacher can together break the teacher's break rule.
                    if (grid.CanPlace(family, request, teacher, start))
                    {
                        grid.Place(family, request, teacher, start);
                    }
                    else if (Earliest(grid, family, request, 0, grid.Calendar.SlotCount) is { } other)
                    {
                        grid.Place(family, request, other.Teacher, other.Start);
                    }
                    else
                    {
                        grid.Unplace(request, "no free slot left for this family");
                    }
                }
                continue;
            }
            foreach (var request in family.Requests)
            {
                var slot = Earliest(grid, family, request, 0, grid.Calendar.SlotCount);
                if (slot is { } s)
                {
                    grid.Place(family, request, s.Teacher, s.Start);
                }
                else
                {
                    grid.Unplace(request, "no free slot left for this family");
                }
            }
        }
        return grid.ToSolution();
    }

    private static List<(Request, string, int)>? BestWindow(BaselineGrid grid, Family family)
    {
        var calendar = grid.Calendar;
        List<(Request, string, int)>? best = null;
        var bestWaiting = int.MaxValue;
        foreach (var day in calendar.Days)
        {
            for (var a = day.First; a < day.End; a++)
            {
                var position = a;
                var placed = new List<(Request, string, int)>();
                foreach (var request in family.Requests)
                {
                    // The family's own meetings follow each other, so they never overlap.
                    var slot = Earliest(grid, family, request, position, day.End);
                    if (slot is not { } s)
                    {
                        placed = null;
                        break;
                    }
                    placed.Add((request, s.Teacher, s.Start));
                    position = s.Start + request.Length;
                }
                if (placed is null || placed.Count == 0)
                {
                    continue;
                }
                var first = placed.Min(x => calendar.MinuteOf(x.Item3));
                var last = placed.Max(x => calendar.EndMinuteOf(x.Item3, x.Item1.Length));
                var waiting = last - first - placed.Sum(x => x.Item1.Length * calendar.SlotMinutes);
                if (waiting < bestWaiting)
                {
                    bestWaiting = waiting;
                    best = placed;
                }
            }
        }
        return best;
    }

    private static (string Teacher, int Start)? Earliest(BaselineGrid grid, Family family, Request request, int from, int to)
    {
        for (var start = from; start + request.Length <= to; start++)
        {
            foreach (var teacher in request.Teachers)
            {
                if (grid.CanPlace(family, request, teacher, start))
                {
                    return (teacher, start);
                }
            }
        }
        return null;
    }
}
