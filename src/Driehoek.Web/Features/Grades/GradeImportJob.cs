using Driehoek.Web.Features.Roster;
using Driehoek.Web.Features.Tasks;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Grades;

/// <summary>
/// Commits a grades import all-or-nothing, with the tasks its grades make: one transaction, saved in chunks so
/// progress can be shown. If the instance dies, the transaction rolls back and another instance starts over once the
/// job's lease runs out (grades are keyed by student, subject and period, tasks by their occurrence, so a second pass
/// adds nothing twice).
/// </summary>
public sealed class GradeImportJob(AppDbContext db, GradeRules rules, TaskBook tasks, TimeProvider clock, ILogger<GradeImportJob> log) : IJobHandler
{
    public const string Kind = "grade-import";
    private const int Chunk = 2000;

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var importId = job.SubjectId!.Value;
        try
        {
            await CommitAsync(importId, job, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Grade import {ImportId} failed", importId);
            await FailAsync(importId, "Grades.CommitFailed");
        }
    }

    public Task GiveUpAsync(JobContext job, CancellationToken ct) => FailAsync(job.SubjectId!.Value, "Grades.Interrupted");

    private async Task CommitAsync(Guid importId, JobContext job, CancellationToken ct)
    {
        var import = await db.Set<GradeImport>().AsNoTracking().SingleAsync(i => i.Id == importId, ct);
        if (import.Status != RosterImportStatus.Committing)
        {
            return;
        }
        var parsed = GradeParser.Parse(import.Content, "UTF-8");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await GradePlan.BuildAsync(db, import.SchoolId, parsed, ct);
        if (plan.Errors.Count > 0)
        {
            // A student left the school since the preview, say: change nothing.
            await transaction.RollbackAsync(ct);
            await FailAsync(importId, "Grades.ChangedSincePreview");
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var done = 0;
        foreach (var chunk in plan.Grades.Where(g => g.Changes).Chunk(Chunk))
        {
            foreach (var g in chunk)
            {
                if (g.ExistingId is { } id)
                {
                    var grade = new ReportGrade { Id = id, Subject = g.Row.Subject, Period = g.Row.Period };
                    db.Attach(grade);
                    grade.Hundredths = g.Row.Hundredths;
                    grade.ImportId = importId;
                    grade.ImportedAt = now;
                }
                else
                {
                    db.Add(new ReportGrade
                    {
                        SchoolId = import.SchoolId, StudentId = g.StudentId, Subject = g.Row.Subject, Period = g.Row.Period,
                        Hundredths = g.Row.Hundredths, ImportId = importId, ImportedAt = now,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            job.ReportProgress(RosterImportJob.RowsDone(done));
        }
        var created = await tasks.CreateAsync(await rules.TasksForAsync(import.SchoolId, plan.Grades, ct), ct);
        await db.Set<GradeImport>().Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, RosterImportStatus.Committed)
            .SetProperty(i => i.TasksCreated, created)
            .SetProperty(i => i.FinishedAt, clock.GetUtcNow().UtcDateTime), ct);
        await transaction.CommitAsync(ct);
        // A period adds tens of thousands of grades at once: PostgreSQL plans the next import's lookups with fresh statistics.
        await PlannerStatistics.RefreshAsync(db, [typeof(ReportGrade), typeof(StaffTask)], ct);
        log.LogInformation("Grade import {ImportId} committed: {Rows} grades, {Tasks} new tasks", importId, plan.Grades.Count, created);
    }

    /// <summary>Only an import still committing fails: a commit that went through stays committed.</summary>
    private async Task FailAsync(Guid importId, string reasonKey)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<GradeImport>().Where(i => i.Id == importId && i.Status == RosterImportStatus.Committing).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, RosterImportStatus.Failed)
            .SetProperty(i => i.FailureReason, reasonKey)
            .SetProperty(i => i.FinishedAt, now), CancellationToken.None);
    }
}
