using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Rounds;

public sealed record GroupChoice(Guid Id, string Name);

public sealed record RoundForm(Guid SchoolId, string SchoolName, Guid? RoundId, Guid? Version, RoundInput Input, IReadOnlyList<GroupChoice> Groups);

/// <summary>What the round form needs: the round as it is (or sensible values for a new one) and the groups to pick from.</summary>
public sealed class GetRoundForm(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<RoundForm>> HandleAsync(Guid schoolId, Guid? roundId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.Rounds, Act.Change, Target.School(schoolId), ct))
        {
            return Result<RoundForm>.NotFound();
        }
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == schoolId, ct);
        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, SchoolCalendar.Today(clock), ct);
        ConversationRound? round = null;
        if (roundId is { } id)
        {
            round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.SchoolId == schoolId, ct);
            if (round is null)
            {
                return Result<RoundForm>.NotFound();
            }
        }
        var yearId = round?.SchoolYearId ?? year?.Id;
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolYearId == yearId)
            .OrderBy(g => g.Level).ThenBy(g => g.Name).Select(g => new GroupChoice(g.Id, g.Name)).ToListAsync(ct);
        var input = round is null ? NewInput(school.Kind, groups) : await InputOfAsync(round, ct);
        return new RoundForm(schoolId, school.Name, round?.Id, round?.Version, input, groups);
    }

    private RoundInput NewInput(SchoolKind kind, List<GroupChoice> groups)
    {
        var first = SchoolCalendar.Today(clock).AddDays(21);
        var (opens, closes) = RoundDefaults.BookingWindow(first);
        var participants = Participants.Parents | Participants.GroupTeacherOrMentor
                           | (kind == SchoolKind.Secondary ? Participants.SubjectTeachersOnRequest : Participants.None);
        return new RoundInput("", RoundKind.Extra, ConversationForm.TenMinute, 10, first, first.AddDays(4), participants,
            kind == SchoolKind.Secondary ? 3 : 0, RoundMode.SelfBooking, SchoolCalendar.ToLocal(opens), SchoolCalendar.ToLocal(closes), 24, false,
            groups.Select(g => g.Id).ToList());
    }

    private async Task<RoundInput> InputOfAsync(ConversationRound r, CancellationToken ct) =>
        new(r.Name, r.Kind, r.Form, r.LengthMinutes, r.FirstDay, r.LastDay, r.Participants, r.MaxSubjectTeachers, r.Mode,
            SchoolCalendar.ToLocal(r.BookingOpensAt), SchoolCalendar.ToLocal(r.BookingClosesAt), r.ChangeDeadlineHours, r.Handover,
            await db.RoundGroups.Where(g => g.RoundId == r.Id).Select(g => g.GroupId).ToListAsync(ct));
}
