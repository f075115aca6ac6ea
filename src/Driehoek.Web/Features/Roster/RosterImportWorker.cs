using System.Collections.Concurrent;
using System.Threading.Channels;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Roster.Csv;

namespace Driehoek.Web.Features.Roster;

public sealed class RosterImportQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public ValueTask EnqueueAsync(Guid importId, CancellationToken ct) => _channel.Writer.WriteAsync(importId, ct);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>Rows done per running import, for the progress bar (kept in memory by the instance doing the work).</summary>
public sealed class RosterProgress
{
    private readonly ConcurrentDictionary<Guid, int> _done = new();

    public void Report(Guid importId, int rows) => _done[importId] = rows;

    public int? Get(Guid importId) => _done.TryGetValue(importId, out var rows) ? rows : null;

    public void Clear(Guid importId) => _done.TryRemove(importId, out _);
}

/// <summary>
/// Commits imports one at a time, all-or-nothing: one transaction, saved in chunks so progress can be
/// shown. If the process dies, the transaction rolls back and the import is marked interrupted.
/// </summary>
public sealed class RosterImportWorker(
    IServiceScopeFactory scopes, RosterImportQueue queue, RosterProgress progress, TimeProvider clock, ILogger<RosterImportWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var importId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await CommitAsync(importId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Roster import {ImportId} failed", importId);
                await FailAsync(importId, "Roster.CommitFailed", CancellationToken.None);
            }
            finally
            {
                progress.Clear(importId);
            }
        }
    }

    private async Task CommitAsync(Guid importId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var import = await db.Set<RosterImport>().SingleAsync(i => i.Id == importId, ct);
        var school = await db.Schools.SingleAsync(s => s.Id == import.SchoolId, ct);
        var parsed = RosterParser.Parse(UploadRoster.Bytes(import.Content));
        var errors = parsed.Errors.ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var year = await RosterApplier.CurrentOrNewYearAsync(db, school, SchoolCalendar.Today(clock), ct);
        var applier = new RosterApplier(db, school, year, errors)
        {
            AfterChunk = async done =>
            {
                await db.SaveChangesAsync(ct);
                progress.Report(importId, done);
            },
        };
        await applier.ApplyAsync(parsed, ct);
        if (errors.Count > 0)
        {
            // The school's data changed since the preview (a group was removed, say): change nothing.
            await transaction.RollbackAsync(ct);
            await FailAsync(importId, "Roster.ChangedSincePreview", ct);
            return;
        }
        import.Status = RosterImportStatus.Committed;
        import.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("Roster import {ImportId} committed: {Rows} rows", importId, import.Rows);
    }

    private async Task FailAsync(Guid importId, string reasonKey, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<RosterImport>().Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, RosterImportStatus.Failed)
            .SetProperty(i => i.FailureReason, reasonKey)
            .SetProperty(i => i.FinishedAt, now), ct);
    }

    /// <summary>An import still "committing" long after it started was cut off by a restart; its transaction rolled back.</summary>
    private async Task MarkInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMinutes(-15);
        await db.Set<RosterImport>()
            .Where(i => i.Status == RosterImportStatus.Committing && i.StartedAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RosterImportStatus.Failed)
                .SetProperty(i => i.FailureReason, "Roster.Interrupted"), ct);
    }
}
