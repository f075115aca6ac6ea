using System.Text.Json;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Roster;

public sealed record RosterImportView(
    Guid Id, Guid SchoolId, string SchoolName, string FileName, RosterImportStatus Status, int Rows, int? RowsDone,
    RosterPreview Preview, string? FailureReason, DateTime UploadedAt, DateTime? FinishedAt);

public sealed class GetRosterImport(AppDbContext db, Access access, JobQueue jobs)
{
    public async Task<Result<RosterImportView>> HandleAsync(Guid importId, CancellationToken ct)
    {
        var import = await db.Set<RosterImport>().AsNoTracking().Where(i => i.Id == importId)
            .Select(i => new { i.Id, i.SchoolId, i.FileName, i.Status, i.Rows, i.Preview, i.FailureReason, i.UploadedAt, i.FinishedAt })
            .FirstOrDefaultAsync(ct);
        if (import is null || !await access.MayAsync(Resource.RosterImport, Act.View, Target.School(import.SchoolId), ct))
        {
            return Result<RosterImportView>.NotFound();
        }
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == import.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var done = import.Status switch
        {
            RosterImportStatus.Committed => import.Rows,
            RosterImportStatus.Committing => RosterImportJob.RowsDone((await jobs.GetAsync(RosterImportJob.Kind, import.Id, ct))?.Progress) ?? 0,
            _ => (int?)null,
        };
        return new RosterImportView(import.Id, import.SchoolId, school, import.FileName, import.Status, import.Rows, done,
            JsonSerializer.Deserialize<RosterPreview>(import.Preview)!, import.FailureReason, import.UploadedAt, import.FinishedAt);
    }

    public async Task<IReadOnlyList<RosterImportLine>> RecentAsync(Guid schoolId, CancellationToken ct) =>
        await db.Set<RosterImport>().AsNoTracking().Where(i => i.SchoolId == schoolId)
            .OrderByDescending(i => i.UploadedAt).Take(10)
            .Select(i => new RosterImportLine(i.Id, i.FileName, i.Kind, i.Status, i.Rows, i.ErrorCount, i.UploadedAt))
            .ToListAsync(ct);
}

public sealed record RosterImportLine(Guid Id, string FileName, RosterKind Kind, RosterImportStatus Status, int Rows, int Errors, DateTime UploadedAt);
