using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Generation;

/// <summary>
/// Secondary school: each participating pupil's parents ask for the mentor (priority 3) and for some
/// subject teachers (priority 2 when the teacher invited them, else 1) over two or three evenings; some
/// teachers are asked for far more than others, part-timers come on some evenings, families come on one
/// evening or part of it, separated parents come as two households.
/// </summary>
internal static class SecondaryGenerator
{
    private static readonly string[] TwoEvenings = ["tue", "thu"];
    private static readonly string[] ThreeEvenings = ["mon", "tue", "thu"];

    public static Instance Generate(string name, TierSpec tier, Variant variant, Random rng)
    {
        var session = variant switch
        {
            Variant.Tight => new Session("19:00", 13),
            Variant.OverSubscribed => new Session("19:00", 10),
            _ => new Session("18:30", 18),
        };
        var dayIds = tier.Days >= 3 ? ThreeEvenings : TwoEvenings;
        var days = dayIds.Take(tier.Days).Select(id => new Day(id, [session])).ToList();
        var b = new InstanceBuilder(name, 10, days);
        var fragmented = variant == Variant.Fragmented;
        var evenings = Enumerable.Range(0, tier.Days).ToArray();
        var sessionStart = SlotCalendar.TryParseClock(session.Start, out var m) ? m : 0;
        var sessionEnd = sessionStart + session.Slots * 10;

        var teacherCount = Math.Max(4, (int)Math.Round(tier.Pupils / 11.0));
        var teachers = new List<string>();
        var popularity = new List<double>();
        var fullTime = new List<string>();
        for (var t = 0; t < teacherCount; t++)
        {
            var slots = TeacherSlots(b, rng, variant, evenings, sessionStart, sessionEnd);
            var id = b.AddTeacher(slots, MaxConsecutive(rng, variant));
            teachers.Add(id);
            popularity.Add(rng.Chance(0.2) ? 2.0 : 1.0);
            if (slots is null)
            {
                fullTime.Add(id);
            }
        }
        // Schools give mentor classes to teachers who are there every evening where they can.
        var mentors = fullTime.Concat(teachers.Except(fullTime)).ToList();
        var classes = Math.Max(1, (int)Math.Ceiling(tier.Pupils / 27.0));
        var classTeachers = Enumerable.Range(0, classes).Select(c =>
        {
            var mentor = mentors[c % teacherCount];
            var subjects = teachers.Where(t => t != mentor).OrderBy(_ => rng.Next()).Take(Math.Min(11, teacherCount - 1)).ToList();
            return (Mentor: mentor, Subjects: subjects);
        }).ToList();
        const double participation = 0.7;
        var pupils = Enumerable.Range(0, tier.Pupils).Select(i => (Student: $"s{i + 1:0000}", Class: i % classes)).ToList();
        foreach (var household in rng.Households(pupils, 0.78, 0.19, 0.03))
        {
            var wishes = household.Where(_ => rng.Chance(participation))
                .SelectMany(child => Wishes(rng, variant, child.Student, classTeachers[child.Class], teachers, popularity))
                .ToList();
            if (wishes.Count == 0)
            {
                continue;
            }
            var separated = rng.Chance(fragmented ? 0.16 : 0.10);
            // Both separated parents see the mentor; subject conversations are split, some shared.
            var homeOf = wishes.Select(w => !separated || w.Priority == 3 || rng.Chance(0.3) ? -1 : rng.Next(2)).ToList();
            for (var home = 0; home < (separated ? 2 : 1); home++)
            {
                var requests = wishes.Where((_, i) => homeOf[i] < 0 || homeOf[i] == home)
                    .Select(w => b.NewRequest(w.Student, [w.Teacher], w.Length, w.Priority))
                    .ToList();
                b.AddFamily(requests, FamilySlots(b, rng, fragmented, evenings, sessionStart, sessionEnd));
            }
        }
        return b.Build();
    }

    private sealed record Wish(string Student, string Teacher, int Length, int Priority);

    private static IEnumerable<Wish> Wishes(Random rng, Variant variant, string student, (string Mentor, List<string> Subjects) cls, List<string> teachers, List<double> popularity)
    {
        if (rng.Chance(0.85))
        {
            yield return new Wish(student, cls.Mentor, variant == Variant.Fragmented && rng.Chance(0.25) ? 2 : 1, 3);
        }
        var count = rng.Pick(0.30, 0.35, 0.25, 0.10);
        var pool = cls.Subjects.ToList();
        for (var i = 0; i < count && pool.Count > 0; i++)
        {
            var index = rng.Pick(pool.Select(t => popularity[teachers.IndexOf(t)]).ToArray());
            yield return new Wish(student, pool[index], 1, rng.Chance(0.3) ? 2 : 1);
            pool.RemoveAt(index);
        }
    }

    /// <summary>Part-timers come on some evenings only (fragmented: some only for part of an evening).</summary>
    private static IEnumerable<int>? TeacherSlots(InstanceBuilder b, Random rng, Variant variant, int[] evenings, int start, int end)
    {
        var fragmented = variant == Variant.Fragmented;
        if (!rng.Chance(variant switch { Variant.Slack => 0.2, Variant.Fragmented => 0.45, _ => 0.3 }))
        {
            return null;
        }
        var shuffled = evenings.OrderBy(_ => rng.Next()).ToList();
        var present = shuffled.Take(Math.Max(1, evenings.Length - 1)).ToList();
        if (fragmented && rng.Chance(0.3))
        {
            // Only until 20:30 on the evenings present: a teacher with a family at home.
            return b.SessionSlots(present, start, Math.Min(end, 20 * 60 + 30));
        }
        return b.SessionSlots(present);
    }

    private static int? MaxConsecutive(Random rng, Variant variant) => variant switch
    {
        Variant.Slack => rng.Chance(0.5) ? 12 : null,
        Variant.Tight => 10,
        Variant.OverSubscribed => 12,
        _ => rng.Chance(0.5) ? 8 : null,
    };

    /// <summary>Every evening, one evening only, or only part of each evening (after work, before bedtime).</summary>
    private static IEnumerable<int>? FamilySlots(InstanceBuilder b, Random rng, bool fragmented, int[] evenings, int start, int end)
    {
        var kind = fragmented ? rng.Pick(0.40, 0.35, 0.25) : rng.Pick(0.60, 0.25, 0.15);
        return kind switch
        {
            1 => b.SessionSlots([evenings[rng.Next(evenings.Length)]]),
            2 => rng.Chance(0.5) ? b.SessionSlots(evenings, start + 60, end) : b.SessionSlots(evenings, start, end - 60),
            _ => null,
        };
    }
}
