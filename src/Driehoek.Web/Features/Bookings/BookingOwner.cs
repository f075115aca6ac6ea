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
    /// The booking if the signed-in person may do <paramref name="act"/> to it, and as whom. A guardian only
    /// reaches the bookings of their own household: separated parents never see each other's. Someone who may
    /// only read it (the care coordinator, where the school allows) is a <see cref="Actor.Reader"/>.
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
        if (!await access.PermitsAsync(Resource.Booking, act, relations, booking.SchoolId, ct))
        {
            return null;
        }
        return (booking, relations.Contains(Relation.Household) ? Actor.Household
            : AccessMatrix.Allows(Resource.Booking, Act.Change, relations) ? Actor.Staff : Actor.Reader);
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

    /// <summary>
    /// For a list of bookings of students in one group, shown to staff: may the reader open a booking of this teacher?
    /// The relations are those <see cref="RelationsAsync"/> finds for a staff reader (through the group, plus
    /// <see cref="Relation.MetTeacher"/> for their own bookings), asked of the matrix once, not per booking.
    /// </summary>
    public static async Task<Func<Guid, bool>> StaffMayOpenAsync(AppDbContext db, Access access, GroupFacts group, CancellationToken ct)
    {
        var relations = Relations.ToGroup(await access.ProfileAsync(ct), group);
        var anyTeacher = await access.PermitsAsync(Resource.Booking, Act.View, relations, group.SchoolId, ct);
        var ownOnly = !anyTeacher
                      && await access.PermitsAsync(Resource.Booking, Act.View, new HashSet<Relation>(relations) { Relation.MetTeacher }, group.SchoolId, ct);
        var own = ownOnly && access.UserId is { } userId
            ? (await db.StaffMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.Id).ToListAsync(ct)).ToHashSet()
            : [];
        return teacherId => anyTeacher || own.Contains(teacherId);
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
