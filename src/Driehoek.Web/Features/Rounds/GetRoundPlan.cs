using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Rounds;

public sealed record RoundLine(Guid Id, string Name, RoundKind Kind, ConversationForm Form, RoundStatus Status, RoundMode Mode,
    DateOnly FirstDay, DateOnly LastDay, int Groups, int Bookings);

public sealed record RoundPlan(Guid SchoolId, string SchoolName, SchoolKind SchoolKind, string? YearName, bool CanManage, IReadOnlyList<RoundLine> Rounds,
    bool CanOpenSchool);

/// <summary>The school year's conversation plan: which rounds, when, for whom.</summary>
public sealed class GetRoundPlan(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<RoundPlan>> HandleAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.Rounds, Act.View, Target.School(schoolId), ct))
        {
            return Result<RoundPlan>.NotFound();
        }
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == schoolId, ct);
        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, SchoolCalendar.Today(clock), ct);
        var rounds = year is null ? [] : await db.Rounds.AsNoTracking().Where(r => r.SchoolYearId == year.Id)
            .OrderBy(r => r.FirstDay)
            .Select(r => new RoundLine(r.Id, r.Name, r.Kind, r.Form, r.Status, r.Mode, r.FirstDay, r.LastDay,
                db.RoundGroups.Count(g => g.RoundId == r.Id),
                db.Bookings.Count(b => b.RoundId == r.Id && b.ActiveSlotId != null)))
            .ToListAsync(ct);
        return new RoundPlan(school.Id, school.Name, school.Kind, year?.Name, await access.MayAsync(Resource.Rounds, Act.Change, Target.School(schoolId), ct), rounds,
            await access.MayAsync(Resource.School, Act.View, Target.School(schoolId), ct));
    }
}
