using System.Text.Json;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Roster;

/// <summary>
/// Starts applying a previewed import in the background. Only a clean preview can be committed, and only
/// once: the status moves from Previewed to Committing in the same save that queues the job, and the job's
/// unique key refuses a second commit of the same import.
/// </summary>
public sealed class CommitRoster(AppDbContext db, Access access, JobQueue jobs, TimeProvider clock)
{
    /// <param name="confirmNewGroups">The leader ticked that the groups the preview names as new may be created.</param>
    public async Task<Result<Guid>> HandleAsync(Guid importId, bool confirmNewGroups, CancellationToken ct)
    {
        var import = await db.Set<RosterImport>().Where(i => i.Id == importId).FirstOrDefaultAsync(ct);
        if (import is null || !await access.MayAsync(Resource.RosterImport, Act.Change, Target.School(import.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (import.ErrorCount > 0)
        {
            return Result<Guid>.Invalid(new FieldError("", "Roster.CannotCommitErrors"));
        }
        if (import.Status != RosterImportStatus.Previewed)
        {
            return Result<Guid>.Conflict(new FieldError("", "Roster.AlreadyCommitted"));
        }
        var newGroups = JsonSerializer.Deserialize<RosterPreview>(import.Preview)!.NewGroups;
        if (newGroups.Count > 0 && !confirmNewGroups)
        {
            return Result<Guid>.Invalid(new FieldError("confirmNewGroups", "Roster.ConfirmNewGroups", string.Join(", ", newGroups)));
        }
        import.Status = RosterImportStatus.Committing;
        import.StartedAt = clock.GetUtcNow().UtcDateTime;
        jobs.Enqueue(RosterImportJob.Kind, importId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Result<Guid>.Conflict(new FieldError("", "Roster.AlreadyCommitted"));
        }
        return importId;
    }
}
