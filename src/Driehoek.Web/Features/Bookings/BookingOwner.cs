namespace Driehoek.Web.Features.Bookings;

/// <summary>Who acts on an existing booking: its household, or staff (the teacher, or the school's leaders).</summary>
public enum Actor
{
    Household,
    Staff,
}

public static class BookingOwner
{
    /// <summary>
    /// The booking if the signed-in person may change it, and as whom. A guardian only reaches the
    /// bookings of their own household: separated parents never see each other's.
    /// </summary>
    public static async Task<(Booking Booking, Actor Actor)?> FindAsync(AppDbContext db, Access access, Guid bookingId, CancellationToken ct)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return null;
        }
        var profile = await access.ProfileAsync(ct);
        if (profile.Children.TryGetValue(booking.StudentId, out var link) && link.HouseholdId == booking.HouseholdId)
        {
            return (booking, Actor.Household);
        }
        var teacher = await db.StaffMembers.AsNoTracking().AnyAsync(m => m.Id == booking.StaffMemberId && m.UserId == access.UserId && m.UserId != null, ct);
        if (teacher || await access.CanManageSchoolAsync(booking.SchoolId, ct))
        {
            return (booking, Actor.Staff);
        }
        return null;
    }

    /// <summary>Families change a booking until the round's deadline; staff can always (with notice).</summary>
    public static FieldError? Deadline(Booking booking, int deadlineHours, Actor actor, DateTime now)
    {
        if (booking.Status != BookingStatus.Booked)
        {
            return new FieldError("", "Booking.NotActive");
        }
        if (booking.StartsAt <= now)
        {
            return new FieldError("", "Booking.AlreadyStarted");
        }
        return actor == Actor.Household && booking.StartsAt.AddHours(-deadlineHours) < now
            ? new FieldError("", "Booking.TooLateToChange", deadlineHours)
            : null;
    }
}
