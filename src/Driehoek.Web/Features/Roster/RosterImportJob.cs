using System.Text.Json;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Roster.Csv;
using Driehoek.Web.Infrastructure.Data;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Roster;

/// <summary>
/// Commits an import all-or-nothing: one transaction, saved in chunks so progress can be shown. If the
/// instance dies, the transaction rolls back and another instance starts the import over once the job's
/// lease runs out (the applier's keys make a second pass safe); after three such attempts it is failed as
/// interrupted.
/// </summary>
public sealed class RosterImportJob(AppDbContext db, TimeProvider clock, IConfiguration configuration, ILogger<RosterImportJob> log) : IJobHandler
{
    public const string Kind = "roster-import";

    /// <summary>
    /// The tables an import writes in bulk, and the schools: a board's few schools never change enough for
    /// autovacuum to analyse them, and without statistics PostgreSQL misjudges every "this school's families" join.
    /// </summary>
    private static readonly Type[] RosterTables =
        [typeof(School), typeof(People.Student), typeof(People.Enrollment), typeof(People.Guardian), typeof(People.Household), typeof(People.Guardianship),
         typeof(People.StaffMember), typeof(People.StaffAssignment), typeof(Group)];

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var importId = job.SubjectId!.Value;
        try
        {
            await CommitAsync(importId, job, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Roster import {ImportId} failed", importId);
            await FailAsync(importId, "Roster.CommitFailed");
        }
    }

    public Task GiveUpAsync(JobContext job, CancellationToken ct) => FailAsync(job.SubjectId!.Value, "Roster.Interrupted");

    private async Task CommitAsync(Guid importId, JobContext job, CancellationToken ct)
    {
        var import = await db.Set<RosterImport>().SingleAsync(i => i.Id == importId, ct);
        if (import.Status != RosterImportStatus.Committing)
        {
            return;
        }
        var school = await db.Schools.SingleAsync(s => s.Id == import.SchoolId, ct);
        var parsed = RosterParser.Parse(import.Content, "UTF-8", RosterParser.MaxRowsIn(configuration));
        var errors = parsed.Errors.ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var year = await RosterApplier.CurrentOrNewYearAsync(db, school, SchoolCalendar.Today(clock), ct);
        var applier = new RosterApplier(db, school, year, errors)
        {
            AfterChunk = async done =>
            {
                await db.SaveChangesAsync(ct);
                job.ReportProgress(RowsDone(done));
            },
        };
        await applier.ApplyAsync(parsed, ct);
        if (errors.Count > 0)
        {
            // The school's data changed since the preview (a group was removed, say): change nothing.
            await transaction.RollbackAsync(ct);
            await FailAsync(importId, "Roster.ChangedSincePreview");
            return;
        }
        // What was left for the board admin is worked out again: another school's data may have changed since the preview.
        var conflicts = applier.Conflicts;
        // Each chunk's save ended by clearing the tracker, the import with it.
        db.Attach(import);
        import.Preview = JsonSerializer.Serialize(JsonSerializer.Deserialize<RosterPreview>(import.Preview)!.WithConflicts(conflicts));
        import.Status = RosterImportStatus.Committed;
        import.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await PlannerStatistics.RefreshAsync(db, RosterTables, ct);
        log.LogInformation("Roster import {ImportId} committed: {Rows} rows, {Conflicts} conflicts left for the board admin",
            importId, import.Rows, conflicts.Count);
    }

    /// <summary>Only an import still committing fails: a commit that went through stays committed.</summary>
    private async Task FailAsync(Guid importId, string reasonKey)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<RosterImport>().Where(i => i.Id == importId && i.Status == RosterImportStatus.Committing).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, RosterImportStatus.Failed)
            .SetProperty(i => i.FailureReason, reasonKey)
            .SetProperty(i => i.FinishedAt, now), CancellationToken.None);
    }

    public static string RowsDone(int rows) => rows.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int? RowsDone(string? progress) =>
        int.TryParse(progress, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rows) ? rows : null;
}
