using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Baselines;

/// <summary>
/// How parent apps work today: families arrive in random order, each with a preferred day and time, and
/// book every conversation (most important first) at the free slot nearest to that time.
/// </summary>
public static class SelfBooking
{
    public static Solution Solve(Instance instance, int seed)
    {
        var grid = new BaselineGrid(instance);
        var calendar = grid.Calendar;
        var rng = new Random(seed);
        var order = instance.Families.ToList();
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        foreach (var family in order)
        {
            var possible = family.Available?.ToList() ?? Enumerable.Range(0, calendar.SlotCount).ToList();
            var preferred = possible.Count == 0 ? 0 : possible[rng.Next(possible.Count)];
            foreach (var request in family.Requests.OrderByDescending(r => r.Priority))
            {
                (string Teacher, int Start)? best = null;
                var bestDistance = int.MaxValue;
                foreach (var teacher in request.Teachers)
                {
                    for (var start = 0; start + request.Length <= calendar.SlotCount; start++)
                    {
                        if (!grid.CanPlace(family, request, teacher, start))
                        {
                            continue;
                        }
                        var distance = Math.Abs(calendar.MinuteOf(start) - calendar.MinuteOf(preferred))
                            + 10_000 * Math.Abs(calendar.DayOf(start) - calendar.DayOf(preferred));
                        if (distance < bestDistance)
                        {
                            bestDistance = distance;
                            best = (teacher, start);
                        }
                    }
                }
                if (best is { } b)
                {
                    grid.Place(family, request, b.Teacher, b.Start);
                }
                else
                {
                    grid.Unplace(request, "no free slot left when this family booked");
                }
            }
        }
        return grid.ToSolution();
    }
}
