using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Rollover;

public enum RolloverState
{
    /// <summary>The school has no school year yet: the first roster import makes one.</summary>
    NoYear,
    /// <summary>The rollover opens four months before the year ends.</summary>
    NotYetOpen,
    Open,
    /// <summary>This year was rolled over already.</summary>
    Done,
    /// <summary>Next year already has groups (the roster import of the new year made them): nothing to carry forward.</summary>
    NextYearFilled,
}

/// <summary>
/// Where a school stands: the year it is in (the app's current year, <see cref="SchoolCalendar.CurrentYearAsync"/>), the
/// year after it, whether the rollover may run, and the last rollover made.
/// </summary>
public sealed record RolloverStatus(RolloverState State, SchoolYear? From, string? ToName, DateOnly ToStart, DateOnly ToEnd, DateOnly? OpensOn,
    SchoolYear? ExistingTo, YearRollover? Last)
{
    public const int OpensMonthsBefore = 4;

    public static async Task<RolloverStatus> OfAsync(AppDbContext db, Guid schoolId, DateOnly today, CancellationToken ct)
    {
        var from = await SchoolCalendar.CurrentYearAsync(db, schoolId, today, ct);
        if (from is null)
        {
            return new RolloverStatus(RolloverState.NoYear, null, null, default, default, null, null, await LastAsync(db, schoolId, ct));
        }
        var (toName, toStart, toEnd) = SchoolCalendar.YearContaining(from.EndsOn.AddDays(1));
        var opensOn = from.EndsOn.AddDays(1).AddMonths(-OpensMonthsBefore);
        var existingTo = await db.SchoolYears.AsNoTracking().FirstOrDefaultAsync(y => y.SchoolId == schoolId && y.Name == toName, ct);
        var filled = existingTo is not null && await db.Groups.AnyAsync(g => g.SchoolYearId == existingTo.Id, ct);
        // Read after next year's groups: a rollover that committed while we read (a second confirmation at once) made
        // those groups and its record in one transaction, so seeing the groups means seeing the record: "done", not "filled".
        var last = await LastAsync(db, schoolId, ct);
        var state = last is not null && last.FromYearId == from.Id ? RolloverState.Done
            : filled ? RolloverState.NextYearFilled
            : today < opensOn ? RolloverState.NotYetOpen
            : RolloverState.Open;
        return new RolloverStatus(state, from, toName, toStart, toEnd, opensOn, existingTo, last);
    }

    private static Task<YearRollover?> LastAsync(AppDbContext db, Guid schoolId, CancellationToken ct) =>
        db.YearRollovers.AsNoTracking().Where(r => r.SchoolId == schoolId)
            .OrderByDescending(r => r.RolledOverAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
}
