using System.Text.Json;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling.Json;

/// <summary>Reads and writes <c>driehoek-ptc/1</c> instances with the format's exact field names.</summary>
public static class InstanceJson
{
    /// <summary>Parses the JSON shape; throws <see cref="InstanceException"/> naming the offending element.</summary>
    public static Instance Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Instance? instance;
        try
        {
            instance = JsonSerializer.Deserialize<Instance>(json, JsonOptions.Strict);
        }
        catch (JsonException ex)
        {
            throw new InstanceException([JsonErrors.FromJsonException(ex, json)]);
        }
        return instance ?? throw new InstanceException([new InstanceError("", null, "the file holds null instead of an instance")]);
    }

    /// <summary>Parses and validates; throws <see cref="InstanceException"/> listing every problem.</summary>
    public static Instance ParseValidated(string json)
    {
        var instance = Parse(json);
        var errors = InstanceValidator.Validate(instance);
        return errors.Count == 0 ? instance : throw new InstanceException(errors);
    }

    public static string Serialize(Instance instance) => JsonSerializer.Serialize(instance, JsonOptions.Strict);
}

/// <summary>Reads and writes <c>driehoek-ptc-solution/1</c> solutions.</summary>
public static class SolutionJson
{
    public static Solution Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<Solution>(json, JsonOptions.Strict)
                ?? throw new InstanceException([new InstanceError("", null, "the file holds null instead of a solution")]);
        }
        catch (JsonException ex)
        {
            throw new InstanceException([JsonErrors.FromJsonException(ex, json)]);
        }
    }

    public static string Serialize(Solution solution) => JsonSerializer.Serialize(solution, JsonOptions.Strict);
}
