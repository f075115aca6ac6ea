namespace Driehoek.Scheduling.Validation;

/// <summary>
/// One problem in an instance (or solution) file. <see cref="Location"/> is a JSON path without the
/// leading <c>$.</c> (e.g. <c>families[3].requests[1]</c>); <see cref="ElementId"/> is the id of that
/// element when it has one, so a school leader can find it without counting array entries.
/// </summary>
public sealed record InstanceError(string Location, string? ElementId, string Message)
{
    public override string ToString()
    {
        var where = Location.Length == 0 ? "instance" : Location;
        return ElementId is null ? $"{where}: {Message}" : $"{where} ({ElementId}): {Message}";
    }
}

/// <summary>Thrown when an instance cannot be read or breaks the format's rules; lists every problem found.</summary>
public sealed class InstanceException : Exception
{
    public InstanceException(IReadOnlyList<InstanceError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<InstanceError> Errors { get; }

    private static string Describe(IReadOnlyList<InstanceError> errors) => errors.Count switch
    {
        0 => "The instance is invalid.",
        1 => errors[0].ToString(),
        _ => $"{errors.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)),
    };
}
