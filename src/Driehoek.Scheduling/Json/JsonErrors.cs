using System.Text.Json;
using System.Text.RegularExpressions;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling.Json;

/// <summary>Turns System.Text.Json's exceptions into <see cref="InstanceError"/>s that name the element.</summary>
internal static partial class JsonErrors
{
    public static InstanceError FromJsonException(JsonException ex, string json)
    {
        var path = ex.Path ?? "$";
        var (element, field) = SplitPath(path);
        var line = ex.LineNumber is long l ? l + 1 : (long?)null;
        var column = ex.BytePositionInLine is long c ? c + 1 : (long?)null;
        var where = line is null ? "" : $" (line {line}, column {column})";
        var message = Reword(ex.Message, field) + where;
        return new InstanceError(element, FindId(json, element), message);
    }

    /// <summary>"$.families[3].requests[1].length" → ("families[3].requests[1]", "length").</summary>
    private static (string Element, string? Field) SplitPath(string path)
    {
        var p = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (p.Length == 0 || p.EndsWith(']'))
        {
            return (p, null);
        }
        var dot = p.LastIndexOf('.');
        return dot < 0 ? ("", p) : (p[..dot], p[(dot + 1)..]);
    }

    private static string Reword(string raw, string? field)
    {
        var cut = raw.IndexOf(" Path:", StringComparison.Ordinal);
        var text = (cut >= 0 ? raw[..cut] : raw).Trim();
        var missing = MissingRegex().Match(text);
        if (missing.Success)
        {
            return $"required field {missing.Groups[1].Value} is missing";
        }
        var unmapped = UnmappedRegex().Match(text);
        if (unmapped.Success)
        {
            return $"unknown field \"{unmapped.Groups[1].Value}\"";
        }
        text = text
            .Replace("System.Int32", "a whole number", StringComparison.Ordinal)
            .Replace("System.String", "a string", StringComparison.Ordinal)
            .Replace("System.Collections.Generic.IReadOnlyList`1[System.Int32]", "a list of slot numbers", StringComparison.Ordinal)
            .Replace("System.Collections.Generic.IReadOnlyList`1[System.String]", "a list of strings", StringComparison.Ordinal);
        text = TypeNameRegex().Replace(text, "an object");
        return field is null ? text : $"{field}: {text}";
    }

    /// <summary>Finds the "id" of the element at <paramref name="elementPath"/>, if the JSON is well-formed enough.</summary>
    private static string? FindId(string json, string elementPath)
    {
        if (elementPath.Length == 0)
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            var node = doc.RootElement;
            foreach (Match m in SegmentRegex().Matches(elementPath))
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(m.Groups[1].Value, out node))
                {
                    return null;
                }
                if (m.Groups[2].Success)
                {
                    var index = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (node.ValueKind != JsonValueKind.Array || index >= node.GetArrayLength())
                    {
                        return null;
                    }
                    node = node[index];
                }
            }
            return node.ValueKind == JsonValueKind.Object && node.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"missing required properties.*?: '([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex MissingRegex();

    [GeneratedRegex(@"'([^']+)' could not be mapped", RegexOptions.IgnoreCase)]
    private static partial Regex UnmappedRegex();

    [GeneratedRegex(@"Driehoek\.Scheduling\.Model\.\w+")]
    private static partial Regex TypeNameRegex();

    [GeneratedRegex(@"([A-Za-z]+)(?:\[(\d+)\])?")]
    private static partial Regex SegmentRegex();
}
