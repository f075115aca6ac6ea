using Driehoek.Web.Features.Roster;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Grades;

/// <summary>
/// Starts applying a previewed grades import in the background. Only a clean preview is committed, and only once:
/// the status moves from Previewed to Committing in the same save that queues the job, whose unique key refuses a
/// second commit of the same import.
/// </summary>
public sealed class CommitGrades(AppDbContext db, Access access, JobQueue jobs, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(Guid importId, CancellationToken ct)
    {
        var import = await db.Set<GradeImport>().Where(i => i.Id == importId).FirstOrDefaultAsync(ct);
        if (import is null || !await access.MayAsync(Resource.GradeImport, Act.Change, Target.School(import.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (import.ErrorCount > 0)
        {
            return Result<Guid>.Invalid(new FieldError("", "Grades.CannotCommitErrors"));
        }
        if (import.Status != RosterImportStatus.Previewed)
        {
            return Result<Guid>.Conflict(new FieldError("", "Grades.AlreadyCommitted"));
        }
        import.Status = RosterImportStatus.Committing;
        import.StartedAt = clock.GetUtcNow().UtcDateTime;
        jobs.Enqueue(GradeImportJob.Kind, importId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Result<Guid>.Conflict(new FieldError("", "Grades.AlreadyCommitted"));
        }
        return importId;
    }
}
