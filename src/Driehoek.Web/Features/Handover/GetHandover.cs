using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Handover;

public sealed record HandoverItemView(
    Guid Id, HandoverItemKind Kind, HandoverAudience Audience, string Text, string? Person, DateOnly? On, bool Included, DateTime CreatedAt);

public sealed record HandoverYear(Guid Id, string Name);

/// <param name="ContentShown">false for next year's teacher while the handover is a draft: they read nothing of it yet</param>
/// <param name="NextTeachers">next year's group teacher or mentor, as far as next year's groups are known</param>
/// <param name="FromSchool">the school of the board the student came from, when the handover is the one they brought</param>
public sealed record StaffHandoverView(
    Guid StudentId, string StudentName, HandoverYear Year, HandoverYear? NextYear, IReadOnlyList<HandoverYear> OtherYears,
    bool Exists, HandoverStatus? Status, bool ContentShown, bool MayChange, bool Outgoing, bool Incoming, bool ReadsCare,
    DateTime? CompiledAt, DateTime? ReleasedAt, string? ReleasedByName, DateTime? ReadAt, string? ReadByName, Guid? Version,
    IReadOnlyList<HandoverItemView> Items, IReadOnlyList<string> NextTeachers, string? FromSchool = null);

/// <summary>
/// A student's handover of one school year as staff read it. Next year's teacher reads it once released (the first read
/// is noted, and the family's invitation to the start conversation says so); care items only the care coordinator and the
/// outgoing teacher. Every read of its content by staff is in the audit log.
/// </summary>
public sealed class GetHandover(AppDbContext db, HandoverAccess handoverAccess, Access access, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<StaffHandoverView>> HandleAsync(Guid studentId, Guid? yearId, CancellationToken ct)
    {
        var reader = await handoverAccess.ForStaffAsync(studentId, yearId, Act.View, ct);
        if (reader is null)
        {
            return Result<StaffHandoverView>.NotFound();
        }
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => new { s.FirstName, s.LastNamePrefix, s.LastName }).SingleAsync(ct);
        var handover = await db.StudentHandovers.FirstOrDefaultAsync(h => h.StudentId == reader.HandoverStudentId && h.SchoolYearId == reader.Year.Id, ct);
        var shown = handover is not null && reader.SeesContent(handover.Status);
        var items = new List<HandoverItemView>();
        if (handover is not null && shown)
        {
            items = (await db.HandoverItems.AsNoTracking().Where(i => i.HandoverId == handover.Id).ToListAsync(ct))
                .Where(i => reader.Reads(i.Audience) && (i.Included || handover.Status == HandoverStatus.Draft))
                .OrderBy(i => i.Kind).ThenBy(i => i.CreatedAt).ThenBy(i => i.On)
                .Select(i => new HandoverItemView(i.Id, i.Kind, i.Audience, i.Text, i.Person, i.On, i.Included, i.CreatedAt)).ToList();
            audit.Record("read", "handover", handover.Id, access.UserId, reader.SchoolId);
            if (reader.Incoming && handover.Status == HandoverStatus.Released && handover.ReadAt is null)
            {
                handover.ReadAt = clock.GetUtcNow().UtcDateTime;
                handover.ReadByName = await Records.SaveRecord.AuthorNameAsync(db, reader.SchoolId, access.UserId, ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed it while we read: the read stays in the log, the first-read note waits for the next read.
                db.ChangeTracker.Clear();
                audit.Record("read", "handover", handover.Id, access.UserId, reader.SchoolId);
                await db.SaveChangesAsync(ct);
            }
        }
        var nextTeachers = reader.NextYear is null ? [] : await NextTeachersAsync(studentId, reader.NextYear.Id, ct);
        return new StaffHandoverView(studentId, PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName),
            new HandoverYear(reader.Year.Id, reader.Year.Name), reader.NextYear is { } n ? new HandoverYear(n.Id, n.Name) : null,
            reader.OtherYears.Select(y => new HandoverYear(y.Id, y.Name)).ToList(),
            handover is not null, handover?.Status, shown, reader.MayChange && handover?.Status != HandoverStatus.Released,
            reader.Outgoing, reader.Incoming, reader.ReadsCare,
            handover?.CompiledAt, handover?.ReleasedAt, handover?.ReleasedByName, handover?.ReadAt, handover?.ReadByName, handover?.Version,
            items, nextTeachers, reader.Transfer?.FromSchoolName);
    }

    /// <summary>Next year's teacher: the group teacher or mentor of the group the student is enrolled in next year.</summary>
    private async Task<List<string>> NextTeachersAsync(Guid studentId, Guid nextYearId, CancellationToken ct)
    {
        var rows = await db.Enrollments.AsNoTracking().Where(e => e.StudentId == studentId && e.SchoolYearId == nextYearId)
            .Join(db.StaffAssignments, e => e.GroupId, a => a.GroupId, (e, a) => a)
            .Where(a => a.Role == StaffRole.GroupTeacher || a.Role == StaffRole.Mentor)
            .Join(db.StaffMembers, a => a.StaffMemberId, m => m.Id, (a, m) => new { m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct);
        return rows.Select(m => PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName)).Distinct().Order().ToList();
    }
}
