using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

/// <summary>The household's five-minute claims a booking makes, and the student's when the student takes part.</summary>
public static class TimeClaims
{
    public static string Household(Guid householdId) => $"h:{householdId:N}";

    public static string Student(Guid studentId) => $"s:{studentId:N}";

    /// <summary>A new booking for this household and child clashes with both owners' claims, in any round of any school (<see cref="BookingChecks"/>).</summary>
    public static string[] OwnersOf(FamilyContext family) => [Household(family.HouseholdId), Student(family.StudentId)];

    public static IEnumerable<TimeClaim> For(Booking booking, ConversationRound round)
    {
        var owners = new List<string> { Household(booking.HouseholdId) };
        if (round.Participants.HasFlag(Participants.Student))
        {
            owners.Add(Student(booking.StudentId));
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
