using System.Text.Json;
using System.Text.Json.Serialization;

namespace Driehoek.Scheduling.Json;

internal static class JsonOptions
{
    /// <summary>
    /// Strict on purpose: an unknown or misspelt field ("availabe") would otherwise be ignored and silently
    /// mean "available everywhere", which is exactly the wrong schedule the format forbids.
    /// </summary>
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };
}
