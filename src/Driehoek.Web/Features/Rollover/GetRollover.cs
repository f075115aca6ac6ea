using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Rollover;

/// <summary>A rollover that was made: what it carried and who left.</summary>
public sealed record RolloverDone(string FromYear, string ToYear, DateTime At, int Groups, int Students, int Leavers, int Staff,
    IReadOnlyList<string> LeaverNames, IReadOnlyList<NewGroup> NewGroups);

/// <summary>A group of the year rolled into, as it is now (the import may have added to it).</summary>
public sealed record NewGroup(Guid Id, string Name, int Students);

public sealed record RolloverView(Guid SchoolId, string SchoolName, SchoolKind Kind, RolloverState State, string? FromYear, string? ToYear,
    DateOnly? OpensOn, int FinalLevel, IReadOnlyList<PlannedGroup> Groups, RolloverTotals Totals, IReadOnlyList<string> LeaverNames,
    string Stamp, int ReadDays, RolloverDone? Last);

/// <summary>
/// The rollover page: where the school stands and, while the rollover is open, the preview for the leader's choices
/// (the final level, and per group its new name, whether it leaves and whether its teachers go along).
/// </summary>
public sealed class GetRollover(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<RolloverView>> HandleAsync(Guid schoolId, int? finalLevel, IReadOnlyList<GroupChoice>? choices, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        if (school is null || !await access.MayAsync(Resource.Rollover, Act.View, Target.School(schoolId), ct))
        {
            return Result<RolloverView>.NotFound();
        }
        var status = await RolloverStatus.OfAsync(db, schoolId, SchoolCalendar.Today(clock), ct);
        var last = status.Last is null ? null : await DoneAsync(status.Last, ct);
        var readDays = School.ReadDaysOf(school.LastYearReadDays);
        if (status.State is not (RolloverState.Open or RolloverState.NotYetOpen))
        {
            return new RolloverView(school.Id, school.Name, school.Kind, status.State, status.From?.Name, status.ToName, status.OpensOn,
                finalLevel ?? 0, [], new RolloverTotals(0, 0, 0, 0), [], "", readDays, last);
        }
        var contents = await YearContents.LoadAsync(db, status.From!, ct);
        var level = finalLevel is >= 1 and <= 20 ? finalLevel.Value : contents.DefaultFinalLevel(school.Kind);
        var plan = contents.Plan(level, choices);
        var leaving = plan.Where(p => p.Leaves).Select(p => p.GroupId).ToHashSet();
        var leavers = contents.Students.Where(s => leaving.Contains(s.GroupId)).Select(s => s.Name).ToList();
        return new RolloverView(school.Id, school.Name, school.Kind, status.State, status.From!.Name, status.ToName, status.OpensOn, level,
            plan, RolloverTotals.Of(plan, contents), leavers, contents.Stamp, readDays, last);
    }

    private async Task<RolloverDone> DoneAsync(YearRollover r, CancellationToken ct)
    {
        var years = await db.SchoolYears.AsNoTracking().Where(y => y.Id == r.FromYearId || y.Id == r.ToYearId).ToDictionaryAsync(y => y.Id, y => y.Name, ct);
        var names = (await db.Leavers.AsNoTracking().Where(l => l.RolloverId == r.Id)
                .Join(db.Students, l => l.StudentId, s => s.Id, (l, s) => new { s.FirstName, s.LastNamePrefix, s.LastName }).ToListAsync(ct))
            .Select(s => PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName)).Order(StringComparer.CurrentCulture).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolYearId == r.ToYearId).OrderBy(g => g.Level).ThenBy(g => g.Name)
            .Select(g => new NewGroup(g.Id, g.Name, db.Enrollments.Count(e => e.GroupId == g.Id))).ToListAsync(ct);
        return new RolloverDone(years.GetValueOrDefault(r.FromYearId, ""), years.GetValueOrDefault(r.ToYearId, ""), r.RolledOverAt,
            r.Groups, r.Students, r.Leavers, r.StaffCarried, names, groups);
    }
}
