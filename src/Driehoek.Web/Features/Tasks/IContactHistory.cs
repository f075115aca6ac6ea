using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.Tasks;

/// <summary>
/// When the school last had contact with each student's family. The rules about reaching every family and about
/// positive contact ask this, never a table: the contact log's <see cref="Contacts.LoggedContacts"/> answers, on top of
/// <see cref="HeldContacts"/>.
/// </summary>
public interface IContactHistory
{
    /// <summary>The latest contact since <paramref name="since"/> (UTC) per student of the school; positive contact only when asked.</summary>
    Task<IReadOnlyDictionary<Guid, DateTime>> LastContactsAsync(Guid schoolId, DateTime since, bool positiveOnly, CancellationToken ct);
}

/// <summary>
/// What the cycle and the tasks say: a held conversation counts as contact, and as positive contact (its tone is not
/// recorded); a completed task about a student counts as contact, and a completed "no positive contact" task as positive.
/// </summary>
public sealed class HeldContacts(AppDbContext db) : IContactHistory
{
    public async Task<IReadOnlyDictionary<Guid, DateTime>> LastContactsAsync(Guid schoolId, DateTime since, bool positiveOnly, CancellationToken ct)
    {
        // Rows, not a GROUP BY: SQLite cannot take the maximum of a date stored as text in every EF translation.
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Held && b.StartsAt >= since)
            .Join(db.Students.Where(s => s.SchoolId == schoolId), b => b.StudentId, s => s.Id, (b, s) => new { b.StudentId, At = b.StartsAt })
            .ToListAsync(ct);
        var done = await db.Set<StaffTask>().AsNoTracking()
            .Where(t => t.SchoolId == schoolId && t.State == TaskState.Done && t.StudentId != null && t.DoneAt >= since)
            .Where(t => !positiveOnly || t.Kind == TaskKind.NoPositiveContact)
            .Select(t => new { StudentId = t.StudentId!.Value, At = t.DoneAt!.Value })
            .ToListAsync(ct);
        var last = new Dictionary<Guid, DateTime>();
        foreach (var c in held.Concat(done))
        {
            if (!last.TryGetValue(c.StudentId, out var at) || c.At > at)
            {
                last[c.StudentId] = c.At;
            }
        }
        return last;
    }
}
