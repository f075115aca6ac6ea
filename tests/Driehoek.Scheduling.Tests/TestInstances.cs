using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Tests;

/// <summary>Small hand-made instances and a seeded random instance maker for property-style tests.</summary>
internal static class TestInstances
{
    public const string FormatExample = """
        {
          "schema": "driehoek-ptc/1",
          "name": "vo-1000-s3",
          "slotMinutes": 10,
          "days": [
            { "id": "tue", "sessions": [ { "start": "15:00", "slots": 12 }, { "start": "19:00", "slots": 15 } ] },
            { "id": "thu", "sessions": [ { "start": "19:00", "slots": 15 } ] }
          ],
          "teachers": [
            { "id": "t07", "available": [0, 1, 2, 3, 27, 28], "maxConsecutive": 12 },
            { "id": "t11" },
            { "id": "t12" }
          ],
          "families": [
            { "id": "f031", "available": [27, 28, 29, 30],
              "requests": [
                { "id": "r088", "student": "s140", "teachers": ["t07"], "length": 1, "priority": 2 },
                { "id": "r089", "student": "s141", "teachers": ["t11", "t12"], "length": 2, "priority": 1 }
              ] }
          ]
        }
        """;

    /// <summary>One day: an afternoon session of <paramref name="afternoon"/> slots at 15:00 and an evening one at 19:00.</summary>
    public static List<Day> OneDay(int afternoon, int evening) =>
        [new Day("tue", afternoon > 0 ? [new Session("15:00", afternoon), new Session("19:00", evening)] : [new Session("19:00", evening)])];

    public static Instance Make(List<Day> days, List<Teacher> teachers, List<Family> families, string name = "test") =>
        new(Instance.SchemaId, name, 10, days, teachers, families);

    public static Request Req(string id, string student, string teacher, int length = 1, int priority = 1) =>
        new(id, student, [teacher], length, priority);

    /// <summary>
    /// A random instance: 1–3 days of 1–2 sessions, 2–8 teachers (part-timers, break rules, duos), 3–30
    /// families with 1–4 requests (siblings, double length, priorities 1–3) and partial availability.
    /// </summary>
    public static Instance Random(int seed)
    {
        var rng = new Random(seed);
        var days = Enumerable.Range(0, 1 + rng.Next(3)).Select(d => new Day($"d{d}",
            rng.Next(2) == 0 ? [new Session("19:00", 4 + rng.Next(10))] : [new Session("15:00", 3 + rng.Next(6)), new Session("18:30", 4 + rng.Next(8))]))
            .ToList();
        var slotCount = SlotCalendar.From(Make(days, [], [])).SlotCount;
        var teachers = Enumerable.Range(0, 2 + rng.Next(7)).Select(t => new Teacher($"t{t}",
            rng.Next(3) == 0 ? Subset(rng, slotCount) : null,
            rng.Next(3) == 0 ? 1 + rng.Next(4) : null)).ToList();
        var families = new List<Family>();
        var request = 0;
        for (var f = 0; f < 3 + rng.Next(28); f++)
        {
            var requests = new List<Request>();
            var students = 1 + rng.Next(2);
            for (var r = 0; r < 1 + rng.Next(4); r++)
            {
                var names = teachers.OrderBy(_ => rng.Next()).Take(rng.Next(5) == 0 ? 2 : 1).Select(t => t.Id).ToList();
                requests.Add(new Request($"r{request++}", $"s{f}-{rng.Next(students)}", names, rng.Next(6) == 0 ? 2 : 1, 1 + rng.Next(3)));
            }
            families.Add(new Family($"f{f}", requests, rng.Next(3) == 0 ? Subset(rng, slotCount) : null));
        }
        return Make(days, teachers, families, $"random-{seed}");
    }

    private static List<int> Subset(Random rng, int slotCount)
    {
        var start = rng.Next(slotCount);
        var length = 1 + rng.Next(slotCount - start);
        return Enumerable.Range(start, length).Where(_ => rng.Next(6) != 0).ToList();
    }
}
