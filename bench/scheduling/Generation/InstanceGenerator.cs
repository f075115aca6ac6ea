using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Generation;

/// <summary>
/// Generates realistic Dutch parent-evening instances with fixed seeds: the same tier, variant and seed
/// always give the same instance, on any machine.
/// </summary>
public static class InstanceGenerator
{
    public static Instance Generate(TierSpec tier, Variant variant, int seed)
    {
        var rng = new Random(StableSeed(tier.Name, variant, seed));
        var name = $"{tier.Name}-{variant.ToString().ToLowerInvariant()}-s{seed}";
        return tier.Type == SchoolType.Primary
            ? PrimaryGenerator.Generate(name, tier, variant, rng)
            : SecondaryGenerator.Generate(name, tier, variant, rng);
    }

    /// <summary>FNV-1a, because string.GetHashCode differs between processes.</summary>
    internal static int StableSeed(string tier, Variant variant, int seed)
    {
        var hash = 2166136261u;
        foreach (var c in $"{tier}|{variant}|{seed}")
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & 0x7fffffff);
    }
}

/// <summary>Collects teachers, families and requests with stable ids while a generator runs.</summary>
internal sealed class InstanceBuilder(string name, int slotMinutes, IReadOnlyList<Day> days)
{
    private readonly List<Teacher> _teachers = [];
    private readonly List<Family> _families = [];
    private int _requests;

    public SlotCalendar Calendar { get; } = SlotCalendar.From(new Instance(Instance.SchemaId, name, slotMinutes, days, [], []));

    public string AddTeacher(IEnumerable<int>? available, int? maxConsecutive)
    {
        var id = $"t{_teachers.Count + 1:000}";
        var slots = available?.Distinct().Order().ToList();
        _teachers.Add(new Teacher(id, slots is null || slots.Count == Calendar.SlotCount ? null : slots, maxConsecutive));
        return id;
    }

    public Request NewRequest(string student, IReadOnlyList<string> teachers, int length, int priority) =>
        new($"r{++_requests:00000}", student, teachers, length, priority);

    public void AddFamily(IReadOnlyList<Request> requests, IEnumerable<int>? available)
    {
        if (requests.Count == 0)
        {
            return;
        }
        var slots = available?.Distinct().Order().ToList();
        _families.Add(new Family($"f{_families.Count + 1:0000}", requests, slots is null || slots.Count == Calendar.SlotCount ? null : slots));
    }

    public Instance Build() => new(Instance.SchemaId, name, Calendar.SlotMinutes, Days, _teachers, _families);

    private IReadOnlyList<Day> Days { get; } = days;

    /// <summary>All slots of the given sessions (indices into the calendar's session list).</summary>
    public IEnumerable<int> SessionSlots(IEnumerable<int> sessions) =>
        sessions.SelectMany(s => Enumerable.Range(Calendar.Sessions[s].First, Calendar.Sessions[s].Length));

    /// <summary>Slots of the given sessions whose clock time lies in [fromMinute, toMinute).</summary>
    public IEnumerable<int> SessionSlots(IEnumerable<int> sessions, int fromMinute, int toMinute) =>
        SessionSlots(sessions).Where(k => Calendar.MinuteOf(k) >= fromMinute && Calendar.MinuteOf(k) < toMinute);
}

internal static class RandomExtensions
{
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    /// <summary>Index drawn with the given probabilities (they need not sum to exactly 1).</summary>
    public static int Pick(this Random rng, params double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    public static void Shuffle<T>(this Random rng, IList<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>Splits items into households of 1, 2 or 3 children with the given shares.</summary>
    public static List<List<T>> Households<T>(this Random rng, IList<T> items, double one, double two, double three)
    {
        var pool = items.ToList();
        rng.Shuffle(pool);
        var result = new List<List<T>>();
        var i = 0;
        while (i < pool.Count)
        {
            var size = Math.Min(pool.Count - i, 1 + rng.Pick(one, two, three));
            result.Add(pool.GetRange(i, size));
            i += size;
        }
        return result;
    }
}
