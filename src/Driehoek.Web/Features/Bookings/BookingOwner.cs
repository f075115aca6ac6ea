namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// Who acts on an existing booking: its household, or staff (the teacher, or the school's leaders); a reader
/// (the care coordinator, where the school allows it) only reads it.
/// </summary>
public enum Actor
{
    Household,
    Staff,
    Reader,
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

    /// <summary>The booking if the signed-in person may change it (<see cref="FindAsync"/>), or only read it.</summary>
    public static async Task<(Booking Booking, Actor Actor)?> FindForReadingAsync(AppDbContext db, Access access, Guid bookingId, CancellationToken ct)
    {
        if (await FindAsync(db, access, bookingId, ct) is { } found)
        {
            return found;
        }
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        return booking is not null && await access.CanReadPreparationsAsCareCoordinatorAsync(booking.SchoolId, ct)
            ? (booking, Actor.Reader)
            : null;
    }

    /// <summary>Families change a booking until the round's deadline; staff can always (with notice); a reader never.</summary>
    public static FieldError? Deadline(Booking booking, int deadlineHours, Actor actor, DateTime now)
    {
        if (actor == Actor.Reader)
        {
            return new FieldError("", "Booking.ReadOnly");
        }
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
