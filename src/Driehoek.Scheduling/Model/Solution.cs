namespace Driehoek.Scheduling.Model;

/// <summary>A schedule in the <c>driehoek-ptc-solution/1</c> format.</summary>
public sealed record Solution(
    string Schema,
    string Instance,
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<Unplaced> Unplaced)
{
    public const string SchemaId = "driehoek-ptc-solution/1";

    public static Solution Create(string instanceName, IReadOnlyList<Assignment> assignments, IReadOnlyList<Unplaced> unplaced) =>
        new(SchemaId, instanceName, assignments, unplaced);
}

/// <summary>A placed meeting: <see cref="Start"/> is the global slot number of its first slot.</summary>
public sealed record Assignment(string Request, string Teacher, int Start);

/// <summary>A request that could not be placed, with a reason a school leader can act on.</summary>
public sealed record Unplaced(string Request, string Reason);
