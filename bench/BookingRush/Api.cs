using System.Text.Json;
using System.Text.Json.Serialization;
using Driehoek.Web.Features.People;

namespace Driehoek.BookingRush;

/// <summary>The parts of the booking API's JSON the virtual families read.</summary>
public static class Api
{
    /// <summary>Reads enums as numbers or names, whichever the API sends.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Writes requests as the API reads them (enums as numbers).</summary>
    public static readonly JsonSerializerOptions Request = new(JsonSerializerDefaults.Web);

    public sealed record Options(Guid RoundId, List<Child> Children);

    public sealed record Child(Guid StudentId, List<Teacher> Teachers);

    public sealed record Teacher(Guid StaffMemberId, StaffRole Role, Guid? BookingId, List<Time> Slots);

    /// <summary>A free time, from the options (a <c>SlotOption</c>) or from a 409's alternatives (a <c>FreeSlot</c>).</summary>
    public sealed record Time(Guid SlotId, DateTime StartsAt, DateTime EndsAt);

    public sealed record Refused(Dictionary<string, string[]>? Errors, List<Time>? Alternatives);
}
