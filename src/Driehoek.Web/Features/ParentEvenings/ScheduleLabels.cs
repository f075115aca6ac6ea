using System.Text.Json;
using System.Text.RegularExpressions;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// Names for the ids in an instance (teachers, households, children, requests). The solver and the
/// checker speak in ids; a school leader reads names.
/// </summary>
public sealed partial class ScheduleLabels(IReadOnlyDictionary<string, string> names)
{
    public IReadOnlyDictionary<string, string> Names => names;

    public string this[string id] => names.TryGetValue(id, out var name) ? name : id;

    /// <summary>Replaces every id in a message ("f3a… is fully booked") by its name.</summary>
    public string Describe(string text) => IdPattern().Replace(text, m => this[m.Value]);

    public string ToJson() => JsonSerializer.Serialize(names);

    public static ScheduleLabels FromJson(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);

    public static string Id(Guid id) => id.ToString("N");

    public static Guid? ParseId(string? id) => Guid.TryParseExact(id, "N", out var guid) ? guid : null;

    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex IdPattern();
}
