using System.Text.Json.Serialization;

namespace Driehoek.Scheduling.Model;

/// <summary>A parent-evening instance in the <c>driehoek-ptc/1</c> format.</summary>
public sealed record Instance(
    string Schema,
    string Name,
    int SlotMinutes,
    IReadOnlyList<Day> Days,
    IReadOnlyList<Teacher> Teachers,
    IReadOnlyList<Family> Families)
{
    public const string SchemaId = "driehoek-ptc/1";
}

public sealed record Day(string Id, IReadOnlyList<Session> Sessions);

/// <summary>A block of consecutive slots; <see cref="Start"/> is "HH:mm".</summary>
public sealed record Session(string Start, int Slots);

/// <summary>A teacher; a null <see cref="Available"/> means every slot.</summary>
public sealed record Teacher(
    [property: JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyOrder(1)] IReadOnlyList<int>? Available = null,
    [property: JsonPropertyOrder(2)] int? MaxConsecutive = null);

/// <summary>One household; separated parents who come separately are two families.</summary>
public sealed record Family(
    [property: JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyOrder(2)] IReadOnlyList<Request> Requests,
    [property: JsonPropertyOrder(1)] IReadOnlyList<int>? Available = null);

/// <summary>One meeting of <see cref="Length"/> consecutive slots with one of <see cref="Teachers"/>.</summary>
public sealed record Request(string Id, string Student, IReadOnlyList<string> Teachers, int Length, int Priority);
