using System.Globalization;
using System.Text.RegularExpressions;

namespace Driehoek.Web.Features.Rollover;

/// <summary>
/// Next year's name of a group carried forward: the number that is its level goes up by one ("Groep 5" → "Groep 6",
/// "2B" → "3B", "groep 7a" → "groep 8a", "H4a" → "H5a"), a combination group with it ("Groep 5/6" → "Groep 6/7").
/// A name without its level in it stays as it is; the leader renames it in the preview.
/// </summary>
public static partial class GroupNames
{
    /// <summary>The group's level as recorded, else the first number in its name (an import without levels).</summary>
    public static int? LevelOf(string name, int? level) =>
        level ?? (Number().Match(name) is { Success: true } m && int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                  && n is >= 1 and <= 20 ? n : null);

    public static string Next(string name, int? level)
    {
        if (level is not { } l)
        {
            return name;
        }
        var own = Number().Matches(name).FirstOrDefault(m => Value(m) == l);
        if (own is null)
        {
            return name;
        }
        var end = own.Index + own.Length;
        var next = own.NextMatch();
        // "5/6" or "5-6": the second number of a combination group goes up too.
        if (next.Success && next.Index == end + 1 && name[end] is '/' or '-' && Value(next) == l + 1)
        {
            end = next.Index + next.Length;
            return string.Concat(name.AsSpan(0, own.Index), $"{l + 1}{name[own.Index + own.Length]}{l + 2}", name.AsSpan(end));
        }
        return string.Concat(name.AsSpan(0, own.Index), (l + 1).ToString(CultureInfo.InvariantCulture), name.AsSpan(end));
    }

    private static int Value(Match m) =>
        int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    [GeneratedRegex(@"\d{1,3}")]
    private static partial Regex Number();
}
