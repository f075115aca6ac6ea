using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Generation;

/// <summary>
/// Primary school: ten-minute conversations with the group teacher (two teachers for a duo group), about
/// 27 pupils per group, about 1.3 children per family, an afternoon and an evening session per day.
/// </summary>
internal static class PrimaryGenerator
{
    private static readonly string[] DayIds = ["tue", "thu", "wed"];

    public static Instance Generate(string name, TierSpec tier, Variant variant, Random rng)
    {
        var (dayCount, afternoon, evening) = variant switch
        {
            Variant.Tight => (1, new Session("14:30", 12), new Session("18:30", 18)),
            Variant.OverSubscribed => (1, new Session("15:00", 9), new Session("19:00", 12)),
            _ => (tier.Days, new Session("15:00", 9), new Session("19:00", 12)),
        };
        var days = Enumerable.Range(0, dayCount).Select(d => new Day(DayIds[d], [afternoon, evening])).ToList();
        var b = new InstanceBuilder(name, 10, days);
        var afternoons = Enumerable.Range(0, dayCount).Select(d => 2 * d).ToArray();
        var evenings = Enumerable.Range(0, dayCount).Select(d => 2 * d + 1).ToArray();
        var all = afternoons.Concat(evenings).Order().ToArray();
        var fragmented = variant == Variant.Fragmented;

        var groups = Math.Max(1, (int)Math.Round(tier.Pupils / 27.5));
        var groupTeachers = new List<string[]>();
        for (var g = 0; g < groups; g++)
        {
            groupTeachers.Add(rng.Chance(fragmented ? 0.35 : 0.2)
                ? DuoTeachers(b, rng, variant, dayCount, afternoons, evenings)
                : [b.AddTeacher(SingleTeacherSlots(b, rng, fragmented, dayCount, all), MaxConsecutive(rng, variant))]);
        }
        var pupils = Enumerable.Range(0, tier.Pupils).Select(i => (Student: $"s{i + 1:0000}", Group: i % groups)).ToList();
        foreach (var household in rng.Households(pupils, 0.72, 0.22, 0.06))
        {
            var separated = rng.Chance(fragmented ? 0.15 : 0.08);
            for (var home = 0; home < (separated ? 2 : 1); home++)
            {
                var requests = household.Select(child =>
                {
                    var care = rng.Chance(fragmented ? 0.08 : 0.03);
                    return b.NewRequest(child.Student, groupTeachers[child.Group], care ? 2 : 1, care ? 2 : 1);
                }).ToList();
                b.AddFamily(requests, FamilySlots(b, rng, fragmented, dayCount, afternoons, evenings));
            }
        }
        return b.Build();
    }

    /// <summary>A duo group: two part-time teachers, each present for part of the time, listed together on each request.</summary>
    private static string[] DuoTeachers(InstanceBuilder b, Random rng, Variant variant, int dayCount, int[] afternoons, int[] evenings)
    {
        if (dayCount >= 2)
        {
            var first = b.AddTeacher(b.SessionSlots([afternoons[0], evenings[0]]), MaxConsecutive(rng, variant));
            var second = b.AddTeacher(b.SessionSlots(afternoons.Skip(1).Concat(evenings.Skip(1))), MaxConsecutive(rng, variant));
            return [first, second];
        }
        return [b.AddTeacher(b.SessionSlots(afternoons), MaxConsecutive(rng, variant)), b.AddTeacher(b.SessionSlots(evenings), MaxConsecutive(rng, variant))];
    }

    private static IEnumerable<int>? SingleTeacherSlots(InstanceBuilder b, Random rng, bool fragmented, int dayCount, int[] all)
    {
        if (!fragmented || dayCount < 2 || !rng.Chance(0.3))
        {
            return null;
        }
        // A part-timer: the whole of one day and only the afternoon of the other.
        var fullDay = rng.Next(dayCount);
        return b.SessionSlots(all.Where(s => s / 2 == fullDay || s % 2 == 0));
    }

    private static int? MaxConsecutive(Random rng, Variant variant) => variant switch
    {
        Variant.Slack => rng.Chance(0.5) ? 12 : null,
        Variant.Tight => 9,
        Variant.OverSubscribed => 12,
        _ => rng.Chance(0.5) ? 8 : null,
    };

    private static IEnumerable<int>? FamilySlots(InstanceBuilder b, Random rng, bool fragmented, int dayCount, int[] afternoons, int[] evenings)
    {
        var kind = dayCount >= 2
            ? fragmented ? rng.Pick(0.35, 0.35, 0.10, 0.15, 0.05) : rng.Pick(0.55, 0.20, 0.08, 0.12, 0.05)
            : rng.Pick(0.70, 0.22, 0.08);
        var day = rng.Next(dayCount);
        return kind switch
        {
            1 => b.SessionSlots(evenings),
            2 => b.SessionSlots(afternoons),
            3 => b.SessionSlots([afternoons[day], evenings[day]]),
            4 => b.SessionSlots([evenings[day]]),
            _ => null,
        };
    }
}
