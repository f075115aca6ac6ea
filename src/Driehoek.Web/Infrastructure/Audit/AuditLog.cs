using Driehoek.Web.Infrastructure.Data;

namespace Driehoek.Web.Infrastructure.Audit;

public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    /// <summary>Adds an entry to the context; it is saved with the caller's unit of work.</summary>
    public void Record(string action, string subject, Guid? subjectId, Guid? userId, Guid? schoolId) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Action = action,
            Subject = subject,
            SubjectId = subjectId,
            UserId = userId,
            SchoolId = schoolId,
            At = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>Records a read and saves it at once (reads have no unit of work of their own).</summary>
    public async Task RecordReadAsync(string subject, Guid subjectId, Guid? userId, Guid? schoolId, CancellationToken ct)
    {
        Record("read", subject, subjectId, userId, schoolId);
        await db.SaveChangesAsync(ct);
    }
}
