namespace Driehoek.Web.Features.Tasks;

/// <summary>
/// A task to make once for one occurrence: <paramref name="SourceKey"/> names it within <paramref name="Kind"/> at the
/// school (a concern's id, a student's grade in a subject and period, …).
/// </summary>
public sealed record NewTask(Guid SchoolId, TaskKind Kind, string SourceKey, Guid OwnerId, DateOnly DueOn,
    Guid? StudentId = null, Guid? GroupId = null, Guid? InformedId = null, string? Subject = null, string? Period = null, string? Detail = null);

/// <summary>
/// The one way a task is made, for the rules here and for other features (a concern becomes a task through
/// <see cref="CreateAsync"/>). Each occurrence gets one task however often it is asked for: occurrences that
/// have one are skipped, and a race with another instance is lost on the unique index and skipped too. The owners
/// and those informed hear of the new tasks through the outbox, in the same transaction.
/// </summary>
public sealed class TaskBook(AppDbContext db, TaskNotices notices, TimeProvider clock)
{
    private const int Chunk = 1000;

    /// <summary>Makes the tasks whose occurrence has none yet, in the caller's transaction if it has one. Returns how many were made.</summary>
    public async Task<int> CreateAsync(IReadOnlyList<NewTask> tasks, CancellationToken ct)
    {
        var wanted = tasks.DistinctBy(t => (t.SchoolId, t.Kind, t.SourceKey)).ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await TakeTurnsAsync(wanted.Select(t => t.SchoolId).Distinct().Order().ToList(), ct);
            var existing = new HashSet<(Guid, TaskKind, string)>();
            foreach (var school in wanted.GroupBy(t => t.SchoolId))
            {
                var keys = school.Select(t => t.SourceKey).Distinct().ToList();
                var kinds = school.Select(t => t.Kind).Distinct().ToList();
                foreach (var e in await db.Set<StaffTask>().AsNoTracking()
                             .Where(t => t.SchoolId == school.Key && kinds.Contains(t.Kind) && keys.Contains(t.SourceKey))
                             .Select(t => new { t.Kind, t.SourceKey }).ToListAsync(ct))
                {
                    existing.Add((school.Key, e.Kind, e.SourceKey));
                }
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var fresh = wanted.Where(t => !existing.Contains((t.SchoolId, t.Kind, t.SourceKey))).Select(t => new StaffTask
            {
                SchoolId = t.SchoolId, Kind = t.Kind, SourceKey = t.SourceKey, OwnerId = t.OwnerId, InformedId = t.InformedId,
                StudentId = t.StudentId, GroupId = t.GroupId, Subject = t.Subject, Period = t.Period, Detail = t.Detail,
                DueOn = t.DueOn, CreatedAt = now,
            }).ToList();
            if (fresh.Count == 0)
            {
                return 0;
            }
            var created = new List<StaffTask>(fresh.Count);
            foreach (var chunk in fresh.Chunk(Chunk))
            {
                created.AddRange(await InsertAsync(chunk, ct));
            }
            await notices.QueueAsync(TaskNotices.Occasion.New, created.Select(t => (t.OwnerId, t)).ToList(), ct);
            await notices.QueueAsync(TaskNotices.Occasion.Informed,
                created.Where(t => t.InformedId is not null && t.InformedId != t.OwnerId).Select(t => (t.InformedId!.Value, t)).ToList(), ct);
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            return created.Count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Two instances making tasks for one school take turns until the first commits, so the second finds the first's
    /// tasks and skips them. Without it both inserted the same occurrences at once, in the order of their new ids (EF
    /// Core sorts a batch's inserts by key), not of the unique index, and PostgreSQL could answer one with a deadlock.
    /// A transaction-scoped advisory lock per school on PostgreSQL; SQLite has one writer at a time anyway.
    /// </summary>
    private async Task TakeTurnsAsync(IReadOnlyList<Guid> schools, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        foreach (var school in schools)
        {
            var key = BitConverter.ToInt64(school.ToByteArray(), 8) ^ TaskLockSpace;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }

    /// <summary>Mixed into each school's lock key, so other advisory locks on school ids would not wait on these.</summary>
    private const long TaskLockSpace = 0x7461736b73; // "tasks"

    /// <summary>
    /// Saves a chunk at once; if another instance made one of its tasks meanwhile, each on its own (SaveChanges in a
    /// transaction rolls back to its savepoint, so the transaction survives the refused insert).
    /// </summary>
    private async Task<IReadOnlyList<StaffTask>> InsertAsync(StaffTask[] chunk, CancellationToken ct)
    {
        db.AddRange(chunk);
        try
        {
            await db.SaveChangesAsync(ct);
            Detach(chunk);
            return chunk;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            Detach(chunk);
        }
        var made = new List<StaffTask>();
        foreach (var task in chunk)
        {
            db.Add(task);
            try
            {
                await db.SaveChangesAsync(ct);
                made.Add(task);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another instance made this one a moment ago.
            }
            Detach([task]);
        }
        return made;
    }

    private void Detach(IEnumerable<StaffTask> tasks)
    {
        foreach (var t in tasks)
        {
            db.Entry(t).State = EntityState.Detached;
        }
    }
}
