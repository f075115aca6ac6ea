namespace Driehoek.Scheduling.Bench.Generation;

public enum SchoolType
{
    Primary,
    Secondary,
}

/// <summary>
/// Slack: more teacher time than requests. Tight: close to capacity with break rules. Over-subscribed:
/// popular teachers cannot see everyone. Fragmented: part-time teachers, evening-only families, separated
/// households, duo teachers and double-length requests all at once.
/// </summary>
public enum Variant
{
    Slack,
    Tight,
    OverSubscribed,
    Fragmented,
}

/// <summary>A benchmark tier: a school type and size, over a number of days.</summary>
public sealed record TierSpec(string Name, SchoolType Type, int Pupils, int Days)
{
    public static readonly IReadOnlyList<TierSpec> All =
    [
        new("primary-100", SchoolType.Primary, 100, 2),
        new("primary-226", SchoolType.Primary, 226, 2),
        new("primary-500", SchoolType.Primary, 500, 2),
        new("primary-1000", SchoolType.Primary, 1000, 2),
        new("secondary-400", SchoolType.Secondary, 400, 2),
        new("secondary-1000", SchoolType.Secondary, 1000, 2),
        new("secondary-1600", SchoolType.Secondary, 1600, 2),
        new("secondary-2000-3ev", SchoolType.Secondary, 2000, 3),
    ];

    public static TierSpec Find(string name) =>
        All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown tier \"{name}\"; known: {string.Join(", ", All.Select(t => t.Name))}");
}
