using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster.Csv;

namespace Driehoek.Web.Features.Roster;

/// <summary>
/// Applies parsed rows to a school's data on a tracked context. The preview runs it and counts the
/// tracked changes without saving; the commit runs the same code and saves, so the two never differ.
/// Keys make it idempotent: student number, staff code, guardian key, household key, group name.
/// </summary>
internal sealed partial class RosterApplier(AppDbContext db, School school, SchoolYear year, List<RosterIssue> errors)
{
    private Dictionary<string, Group> _groups = null!;

    public const int ChunkSize = 500;

    /// <summary>Called after every chunk with the rows done; the commit saves there.</summary>
    public Func<int, Task>? AfterChunk { get; init; }

    public static async Task<SchoolYear> CurrentOrNewYearAsync(AppDbContext db, School school, DateOnly today, CancellationToken ct)
    {
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
            _groups = (await db.Groups.Where(g => g.SchoolYearId == year.Id).ToListAsync(ct))
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

    public IReadOnlyList<ChangeCount> CountChanges()
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .GroupBy(e => e.Metadata.ClrType.Name)
            .Select(g => new ChangeCount(g.Key,
                g.Count(e => e.State == EntityState.Added),
                g.Count(e => e.State is EntityState.Modified or EntityState.Deleted)))
            .OrderBy(c => c.Entity)
            .ToList();
    }

    private async Task ChunkDoneAsync(int done)
    {
        if (AfterChunk is not null)
        {
            db.ChangeTracker.DetectChanges();
            await AfterChunk(done);
        }
    }

    private Group GroupFor(string name, int? level)
    {
        if (!_groups.TryGetValue(name, out var group))
        {
            group = new Group { SchoolId = school.Id, SchoolYearId = year.Id, Name = name, Level = level };
            db.Groups.Add(group);
            _groups[name] = group;
        }
        else if (level is not null)
        {
            group.Level = level;
        }
        return group;
    }
}
