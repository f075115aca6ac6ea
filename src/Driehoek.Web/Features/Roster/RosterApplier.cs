using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster.Csv;

namespace Driehoek.Web.Features.Roster;

/// <summary>
/// Applies parsed rows to a school's data. The preview runs it and counts the changes without saving; the
/// commit runs the same code and saves, so the two never differ. Keys make it idempotent: student number,
/// staff code, guardian key, household key, group name.
/// </summary>
/// <remarks>
/// What exists is read once, untracked, into dictionaries by key. A row attaches only the entities it
/// touches; after each chunk the changes are counted (preview) or saved (commit) and the tracker is
/// cleared, so a chunk's work does not grow with the rows before it.
/// </remarks>
internal sealed partial class RosterApplier(AppDbContext db, School school, SchoolYear year, List<RosterIssue> errors)
{
    private Dictionary<string, Group> _groups = null!;
    /// <summary>What this chunk attached or added; the tracker holds nothing else of the import's.</summary>
    private readonly HashSet<object> _tracked = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, (int Added, int Updated)> _counted = [];

    public const int ChunkSize = 500;

    /// <summary>Called after every chunk with the rows done; the commit saves there.</summary>
    public Func<int, Task>? AfterChunk { get; init; }

    /// <summary>
    /// The year an import fills: the next one once the school has rolled over into it (Features/Rollover), so the new
    /// year's roster never changes last year's rows; else the year that contains today, made when there is none.
    /// </summary>
    public static async Task<SchoolYear> CurrentOrNewYearAsync(AppDbContext db, School school, DateOnly today, CancellationToken ct)
    {
        if (await db.SchoolYears.Where(y => y.SchoolId == school.Id && y.StartsOn > today).OrderBy(y => y.StartsOn).FirstOrDefaultAsync(ct) is { } next)
        {
            return next;
        }
        var year = await SchoolCalendar.CurrentYearAsync(db, school.Id, today, ct);
        if (year is not null && year.StartsOn <= today && today <= year.EndsOn)
        {
            return await db.SchoolYears.SingleAsync(y => y.Id == year.Id, ct);
        }
        var (name, start, end) = SchoolCalendar.YearContaining(today);
        var created = new SchoolYear { SchoolId = school.Id, Name = name, StartsOn = start, EndsOn = end };
        db.SchoolYears.Add(created);
        return created;
    }

    public async Task ApplyAsync(ParsedRoster roster, CancellationToken ct)
    {
        // Thousands of tracked rows: detect changes once per chunk, not on every add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            _groups = (await db.Groups.AsNoTracking().Where(g => g.SchoolYearId == year.Id).ToListAsync(ct))
                .ToDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);
            if (roster.Kind == RosterKind.Students)
            {
                await ApplyStudentsAsync(roster.Students, ct);
            }
            else
            {
                await ApplyStaffAsync(roster.Staff, ct);
            }
        }
        finally
        {
            db.ChangeTracker.DetectChanges();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>What the chunks so far changed (the preview's counts).</summary>
    public IReadOnlyList<ChangeCount> CountChanges()
    {
        CountTracked();
        return _counted.Where(c => c.Value != (0, 0))
            .Select(c => new ChangeCount(c.Key, c.Value.Added, c.Value.Updated))
            .OrderBy(c => c.Entity, StringComparer.Ordinal)
            .ToList();
    }

    private void CountTracked()
    {
        db.ChangeTracker.DetectChanges();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                var (added, updated) = _counted.GetValueOrDefault(e.Metadata.ClrType.Name);
                _counted[e.Metadata.ClrType.Name] = e.State == EntityState.Added ? (added + 1, updated) : (added, updated + 1);
            }
        }
    }

    /// <summary>
    /// Saves (commit) or counts (preview) what the chunk did, then forgets it: the entities stay in the
    /// dictionaries, detached, and a later row that touches one attaches it again as it now is.
    /// </summary>
    private async Task ChunkDoneAsync(int done)
    {
        if (AfterChunk is not null)
        {
            db.ChangeTracker.DetectChanges();
            await AfterChunk(done);
        }
        else
        {
            CountTracked();
        }
        db.ChangeTracker.Clear();
        _tracked.Clear();
    }

    /// <summary>Starts tracking an existing (or earlier chunk's) entity before a row changes it.</summary>
    private T Touch<T>(T entity) where T : class
    {
        if (_tracked.Add(entity))
        {
            db.Attach(entity);
        }
        return entity;
    }

    private T AddNew<T>(T entity) where T : class
    {
        db.Add(entity);
        _tracked.Add(entity);
        return entity;
    }

    private readonly List<Group> _newGroups = [];
    private readonly HashSet<Group> _namedGroups = new(ReferenceEqualityComparer.Instance);

    /// <summary>Groups the file names that the school does not have yet this year (a typo makes one): the preview asks before creating them.</summary>
    public IReadOnlyList<string> NewGroups => _newGroups.Select(g => g.Name).Order(StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Groups the file names that have no group teacher or mentor on record (every new group among them).</summary>
    public async Task<IReadOnlyList<string>> GroupsWithoutTeacherAsync(CancellationToken ct)
    {
        var ids = _namedGroups.Select(g => g.Id).ToList();
        var led = await db.StaffAssignments.AsNoTracking()
            .Where(a => a.GroupId != null && ids.Contains(a.GroupId.Value) && (a.Role == StaffRole.GroupTeacher || a.Role == StaffRole.Mentor))
            .Select(a => a.GroupId!.Value).Distinct().ToListAsync(ct);
        return _namedGroups.Where(g => !led.Contains(g.Id)).Select(g => g.Name).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private Group GroupFor(string name, int? level)
    {
        if (!_groups.TryGetValue(name, out var group))
        {
            group = AddNew(new Group { SchoolId = school.Id, SchoolYearId = year.Id, Name = name, Level = level });
            _groups[name] = group;
            _newGroups.Add(group);
        }
        else if (level is not null && level != group.Level)
        {
            Touch(group).Level = level;
        }
        _namedGroups.Add(group);
        return group;
    }
}
