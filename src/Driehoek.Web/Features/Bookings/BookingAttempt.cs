namespace Driehoek.Web.Features.Bookings;

public sealed record FreeSlot(Guid SlotId, Guid StaffMemberId, string TeacherName, DateTime StartsAt, DateTime EndsAt, string? Room, bool HasVideo);

/// <summary>
/// The answer to "book this" or "move to this": the booking, or why not; when the slot was just taken,
/// the nearest free alternatives so the family can pick again at once.
/// </summary>
public sealed record BookingAttempt(Result<Guid> Outcome, IReadOnlyList<FreeSlot> Alternatives)
{
    public static BookingAttempt Of(Result<Guid> outcome) => new(outcome, []);
}
