using System.Text.Json;
using Driehoek.Web.Features.Roster;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Grades;

public sealed record GradeImportView(Guid Id, Guid SchoolId, string SchoolName, string FileName, RosterImportStatus Status,
    int Rows, int RowsDone, int TasksCreated, GradePreview Preview, string? FailureReason, DateTime UploadedAt);

public sealed record GradeImportLine(Guid Id, string FileName, RosterImportStatus Status, int Rows, int TasksCreated, DateTime UploadedAt);

public sealed class GetGradeImport(AppDbContext db, Access access, JobQueue jobs)
{
    public async Task<Result<GradeImportView>> HandleAsync(Guid schoolId, Guid importId, CancellationToken ct)
    {
        var import = await db.Set<GradeImport>().AsNoTracking().Where(i => i.Id == importId && i.SchoolId == schoolId)
            .Select(i => new { i.Id, i.SchoolId, i.FileName, i.Status, i.Rows, i.TasksCreated, i.Preview, i.FailureReason, i.UploadedAt })
            .FirstOrDefaultAsync(ct);
        if (import is null || !await access.MayAsync(Resource.GradeImport, Act.View, Target.School(import.SchoolId), ct))
        {
            return Result<GradeImportView>.NotFound();
        }
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == import.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var preview = JsonSerializer.Deserialize<GradePreview>(import.Preview)!;
        var done = import.Status switch
        {
            RosterImportStatus.Committed => preview.Added + preview.Changed,
            RosterImportStatus.Committing => RosterImportJob.RowsDone((await jobs.GetAsync(GradeImportJob.Kind, import.Id, ct))?.Progress) ?? 0,
            _ => 0,
        };
        return new GradeImportView(import.Id, import.SchoolId, school, import.FileName, import.Status, import.Rows, done, import.TasksCreated,
            preview, import.FailureReason, import.UploadedAt);
    }

    public async Task<IReadOnlyList<GradeImportLine>> RecentAsync(Guid schoolId, CancellationToken ct) =>
        await db.Set<GradeImport>().AsNoTracking().Where(i => i.SchoolId == schoolId)
            .OrderByDescending(i => i.UploadedAt).Take(10)
            .Select(i => new GradeImportLine(i.Id, i.FileName, i.Status, i.Rows, i.TasksCreated, i.UploadedAt))
            .ToListAsync(ct);
}
