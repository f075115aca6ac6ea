namespace Driehoek.Web.Features.Roster;

/// <summary>
/// Starts applying a previewed import in the background. Only a clean preview can be committed,
/// and only once: the status moves from Previewed to Committing in one conditional update.
/// </summary>
public sealed class CommitRoster(AppDbContext db, Access access, RosterImportQueue queue, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(Guid importId, CancellationToken ct)
    {
        var import = await db.Set<RosterImport>().AsNoTracking()
            .Where(i => i.Id == importId).Select(i => new { i.SchoolId, i.ErrorCount, i.Status }).FirstOrDefaultAsync(ct);
        if (import is null || !await access.CanManageSchoolAsync(import.SchoolId, ct))
        {
            return Result<Guid>.NotFound();
        }
        if (import.ErrorCount > 0)
        {
            return Result<Guid>.Invalid(new FieldError("", "Roster.CannotCommitErrors"));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var started = await db.Set<RosterImport>()
            .Where(i => i.Id == importId && i.Status == RosterImportStatus.Previewed)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RosterImportStatus.Committing).SetProperty(i => i.StartedAt, now), ct);
        if (started != 1)
        {
            return Result<Guid>.Conflict(new FieldError("", "Roster.AlreadyCommitted"));
        }
        await queue.EnqueueAsync(importId, ct);
        return importId;
    }
}
