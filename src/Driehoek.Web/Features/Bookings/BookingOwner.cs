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
    public static async Task<(Booking Booking, Actor Actor)?> FindAsync(AppDbContext db, Access access, Guid bookingId, CancellationToken ct,
        Act act = Act.Change)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return null;
        }
        var relations = await RelationsAsync(db, access, booking, ct);
        if (!AccessMatrix.Allows(Resource.Booking, act, relations))
        {
            return null;
        }
        return (booking, relations.Contains(Relation.Household) ? Actor.Household : Actor.Staff);
    }

    /// <summary>
    /// How the signed-in person relates to a booking: through the student, plus <see cref="Relation.Household"/>
    /// for a guardian of the booking's household and <see cref="Relation.MetTeacher"/> for its teacher.
    /// </summary>
    public static async Task<IReadOnlySet<Relation>> RelationsAsync(AppDbContext db, Access access, Booking booking, CancellationToken ct)
    {
        var relations = new HashSet<Relation>(await access.RelationsAsync(Target.Student(booking.StudentId), ct));
        var profile = await access.ProfileAsync(ct);
        if (profile.Children.TryGetValue(booking.StudentId, out var link) && link.HouseholdId == booking.HouseholdId)
        {
            relations.Add(Relation.Household);
        }
        if (access.UserId is { } userId
            && await db.StaffMembers.AsNoTracking().AnyAsync(m => m.Id == booking.StaffMemberId && m.UserId == userId, ct))
        {
            relations.Add(Relation.MetTeacher);
        }
        return relations;
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
