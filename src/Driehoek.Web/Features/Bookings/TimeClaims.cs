using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

/// <summary>The household's five-minute claims a booking makes, and the student's when the student takes part.</summary>
public static class TimeClaims
{
    public static IEnumerable<TimeClaim> For(Booking booking, ConversationRound round)
    {
        var owners = new List<string> { $"h:{booking.HouseholdId:N}" };
        if (round.Participants.HasFlag(Participants.Student))
        {
            owners.Add($"s:{booking.StudentId:N}");
        }
        for (var cell = booking.StartsAt; cell < booking.EndsAt; cell = cell.AddMinutes(TimeClaim.CellMinutes))
        {
            foreach (var owner in owners)
            {
                yield return new TimeClaim { SchoolId = booking.SchoolId, BookingId = booking.Id, Owner = owner, Cell = cell };
            }
        }
    }
}
