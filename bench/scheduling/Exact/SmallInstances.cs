using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Exact;

/// <summary>
/// Small instances (6–12 requests, one or two short sessions) whose optimum the exact solver proves:
/// siblings, duo teachers, double-length requests, part-time teachers, break rules and, in some, more
/// requests than fit.
/// </summary>
public static class SmallInstances
{
    public static Instance Generate(int seed)
    {
        var rng = new Random(InstanceGenerator.StableSeed("small", Variant.Slack, seed));
        var sessions = rng.Chance(0.5)
            ? new List<Session> { new("19:00", 6 + rng.Next(3)) }
            : [new("15:00", 3 + rng.Next(2)), new("19:00", 4 + rng.Next(2))];
        var days = new List<Day> { new("tue", sessions) };
        var b = new InstanceBuilder($"small-{seed:000}", 10, days);
        var slotCount = b.Calendar.SlotCount;
        var teacherCount = 2 + rng.Next(3);
        var teachers = Enumerable.Range(0, teacherCount)
            .Select(_ => b.AddTeacher(rng.Chance(0.3) ? Window(rng, slotCount, 4) : null, rng.Chance(0.3) ? 2 + rng.Next(2) : null))
            .ToList();
        var target = 6 + rng.Next(7);
        var made = 0;
        var student = 0;
        while (made < target)
        {
            var requests = new List<Request>();
            var children = 1 + rng.Pick(0.6, 0.4);
            for (var c = 0; c < children && made + requests.Count < target; c++)
            {
                student++;
                var asks = 1 + rng.Pick(0.6, 0.4);
                foreach (var t in teachers.OrderBy(_ => rng.Next()).Take(asks))
                {
                    if (made + requests.Count >= target)
                    {
                        break;
                    }
                    var duo = rng.Chance(0.15) ? teachers.Where(x => x != t).Take(1).Prepend(t).ToList() : [t];
                    requests.Add(b.NewRequest($"s{student:00}", duo, rng.Chance(0.15) ? 2 : 1, 1 + rng.Next(3)));
                }
            }
            b.AddFamily(requests, rng.Chance(0.35) ? Window(rng, slotCount, 3) : null);
            made += requests.Count;
        }
        return b.Build();
    }

    private static List<int> Window(Random rng, int slotCount, int minimum)
    {
        var length = Math.Min(slotCount, minimum + rng.Next(Math.Max(1, slotCount - minimum)));
        var start = rng.Next(slotCount - length + 1);
        return Enumerable.Range(start, length).ToList();
    }
}
