using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Rounds;

/// <summary>One click: the three basic rounds of a primary or secondary school year, for all groups, as drafts.</summary>
public sealed class CreateDefaultPlan(AppDbContext db, Access access, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<RoundsText> text)
{
    public async Task<Result<int>> HandleAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.Rounds, Act.Change, Target.School(schoolId), ct))
        {
            return Result<int>.NotFound();
        }
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == schoolId, ct);
        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, SchoolCalendar.Today(clock), ct);
        if (year is null)
        {
            return Result<int>.Invalid(new FieldError("", "Round.NoSchoolYear"));
        }
        var groups = await db.Groups.Where(g => g.SchoolYearId == year.Id).Select(g => g.Id).ToListAsync(ct);
        if (groups.Count == 0)
        {
            return Result<int>.Invalid(new FieldError("", "Round.NoGroupsYet"));
        }
        var existingKinds = await db.Rounds.Where(r => r.SchoolYearId == year.Id && r.Status != RoundStatus.Cancelled)
            .Select(r => r.Kind).ToListAsync(ct);

        var created = 0;
        foreach (var plan in RoundDefaults.For(school.Kind).Where(p => !existingKinds.Contains(p.Kind)))
        {
            var first = year.StartsOn.AddDays(plan.FirstDayOffset);
            var (opens, closes) = RoundDefaults.BookingWindow(first);
            var round = new ConversationRound
            {
                SchoolId = schoolId, SchoolYearId = year.Id, Kind = plan.Kind, Form = plan.Form,
                Name = text["Default.Name." + plan.Kind, year.Name],
                LengthMinutes = plan.Length, FirstDay = first, LastDay = first.AddDays(plan.Days),
                Participants = plan.Participants, MaxSubjectTeachers = plan.MaxSubjectTeachers, Handover = plan.Handover,
                BookingOpensAt = opens, BookingClosesAt = closes, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Rounds.Add(round);
            db.RoundGroups.AddRange(groups.Select(g => new RoundGroup { SchoolId = schoolId, RoundId = round.Id, GroupId = g }));
            created++;
        }
        await db.SaveChangesAsync(ct);
        return created;
    }
}
