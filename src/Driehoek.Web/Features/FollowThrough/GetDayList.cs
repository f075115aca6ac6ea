using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.FollowThrough;

public sealed record DayListQuery(Guid RoundId, DateOnly? Date, Guid? StaffMemberId);

/// <summary>One prepared answer with the question it answers (empty when the school has changed its questions since).</summary>
public sealed record PreparationAnswer(PreparationParty Party, int Number, string Question, string Text);

public sealed record DayGuardian(string Name, string Language);

/// <summary>One conversation on a teacher's day, with everything the teacher reads beforehand.</summary>
public sealed record DayConversation(
    Guid BookingId, DateTime StartsAt, DateTime EndsAt, Guid StudentId, string StudentName, string? GroupName, IReadOnlyList<DayGuardian> Guardians,
    TopicAreas Areas, string? Topics, string? InterpreterLanguage, MeetingMode Mode, string? Room, string? VideoLink,
    BookingStatus Status, bool? StudentPresent, bool Started, Guid Version, IReadOnlyList<PreparationAnswer> Preparation);

public sealed record DayStaff(Guid Id, string Name);

public sealed record DayList(
    Guid RoundId, string RoundName, Guid SchoolId, Guid StaffMemberId, string StaffName, DateOnly Date, bool CanChooseStaff,
    IReadOnlyList<DayStaff> Staff, IReadOnlyList<DateOnly> Days, IReadOnlyList<DayConversation> Conversations, IReadOnlyList<DayConversation> Cancelled);

/// <summary>
/// A teacher's conversations of one day, in time order, with the family's topics and the family's and
/// student's preparation: for the teacher themself, or any teacher for a school leader. Reading it is a
/// read of personal data, so it is audit-logged per student.
/// </summary>
public sealed class GetDayList(AppDbContext db, Access access, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<DayList>> HandleAsync(DayListQuery query, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RoundId, ct);
        if (round is null)
        {
            return Result<DayList>.NotFound();
        }
        // Whoever may read any teacher's day at this school picks among the round's teachers; one without a staff record starts with the first.
        var manager = AccessMatrix.Allows(Resource.DayList, Act.View, await access.RelationsAsync(Target.School(round.SchoolId), ct));
        var own = await db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == round.SchoolId && m.UserId == access.UserId && m.UserId != null)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        var choices = manager ? await StaffOfRoundAsync(round.Id, ct) : [];
        var staffId = query.StaffMemberId ?? own ?? choices.Select(s => (Guid?)s.Id).FirstOrDefault();
        var member = staffId is null ? null
            : await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == staffId && m.SchoolId == round.SchoolId, ct);
        if (member is null || !await access.MayAsync(Resource.DayList, Act.View, Target.StaffMember(member.Id), ct))
        {
            return Result<DayList>.NotFound();
        }
        var days = await db.AvailabilityBlocks.AsNoTracking().Where(b => b.RoundId == round.Id && b.StaffMemberId == member.Id)
            .Select(b => b.Date).Distinct().ToListAsync(ct);
        days.Sort();
        var date = query.Date ?? DefaultDay(days, round);
        var entries = await ConversationsAsync(round, member.Id, date, ct);
        foreach (var studentId in entries.Select(e => e.StudentId).Distinct())
        {
            audit.Record("read", "conversation-preparation", studentId, access.UserId, round.SchoolId);
        }
        await audit.RecordReadAsync("conversation-day-list", member.Id, access.UserId, round.SchoolId, ct);
        return new DayList(round.Id, round.Name, round.SchoolId, member.Id, member.FullName, date, manager,
            choices, days,
            entries.Where(e => e.Status != BookingStatus.Cancelled).ToList(), entries.Where(e => e.Status == BookingStatus.Cancelled).ToList());
    }

    /// <summary>Today if the teacher meets families today, else their next day in the round, else its first.</summary>
    private DateOnly DefaultDay(List<DateOnly> days, ConversationRound round)
    {
        var today = SchoolCalendar.Today(clock);
        return days.Contains(today) ? today : days.Where(d => d > today).DefaultIfEmpty(days.Count > 0 ? days[0] : round.FirstDay).First();
    }

    private async Task<List<DayConversation>> ConversationsAsync(ConversationRound round, Guid staffId, DateOnly date, CancellationToken ct)
    {
        var from = SchoolCalendar.ToUtc(date.ToDateTime(TimeOnly.MinValue));
        var to = SchoolCalendar.ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.RoundId == round.Id && b.StaffMemberId == staffId && b.StartsAt >= from && b.StartsAt < to)
            .Join(db.Students, b => b.StudentId, s => s.Id, (b, s) => new
            {
                Booking = b, s.FirstName, s.LastNamePrefix, s.LastName,
                Room = db.Slots.Where(sl => sl.Id == b.SlotId).Select(sl => sl.Room).FirstOrDefault(),
                VideoLink = db.Slots.Where(sl => sl.Id == b.SlotId).Select(sl => sl.VideoLink).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var studentIds = rows.Select(r => r.Booking.StudentId).Distinct().ToList();
        var groups = await db.Enrollments.AsNoTracking().Where(e => studentIds.Contains(e.StudentId) && e.SchoolYearId == round.SchoolYearId)
            .Join(db.Groups, e => e.GroupId, g => g.Id, (e, g) => new { e.StudentId, g.Name }).ToListAsync(ct);
        var guardians = await db.Guardianships.AsNoTracking().Where(x => studentIds.Contains(x.StudentId))
            .Join(db.Guardians, x => x.GuardianId, g => g.Id, (x, g) => new { x.StudentId, g.HouseholdId, g.FirstName, g.LastNamePrefix, g.LastName, g.PreferredLanguage })
            .ToListAsync(ct);
        var preparations = (await PreparationReader.ForRoundAsync(db, round.Id, studentIds, ct))
            .Where(p => p.Party is PreparationParty.Parent or PreparationParty.Student).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.OrderBy(r => r.Booking.StartsAt).Select(r =>
        {
            var b = r.Booking;
            var family = guardians.Where(g => g.StudentId == b.StudentId && g.HouseholdId == b.HouseholdId)
                .Select(g => new DayGuardian(PersonName.Format(g.FirstName, g.LastNamePrefix, g.LastName), g.PreferredLanguage)).DistinctBy(g => g.Name).ToList();
            var prepared = preparations.Where(p => p.StudentId == b.StudentId && (p.Party == PreparationParty.Student || p.HouseholdId == b.HouseholdId))
                .OrderBy(p => p.Party).SelectMany(Answers).ToList();
            return new DayConversation(b.Id, b.StartsAt, b.EndsAt, b.StudentId, PersonName.Format(r.FirstName, r.LastNamePrefix, r.LastName),
                groups.FirstOrDefault(g => g.StudentId == b.StudentId)?.Name, family, b.TopicAreas, b.Topics, b.InterpreterLanguage, b.Mode,
                r.Room, r.VideoLink, b.Status, b.StudentPresent, b.StartsAt <= now, b.Version, prepared);
        }).ToList();
    }

    /// <summary>A preparation's answers in question order, each with its question as the school asks it; a damaged row shows nothing.</summary>
    public static IEnumerable<PreparationAnswer> Answers(PreparationSummary preparation) =>
        PreparationAnswers.Pair(preparation.Questions, preparation.Answers)
            .Select((qa, i) => new PreparationAnswer(preparation.Party, i + 1, qa.Question, qa.Answer.Trim()))
            .Where(a => a.Text.Length > 0);

    private async Task<List<DayStaff>> StaffOfRoundAsync(Guid roundId, CancellationToken ct) =>
        (await db.AvailabilityBlocks.AsNoTracking().Where(b => b.RoundId == roundId).Select(b => b.StaffMemberId).Distinct()
            .Join(db.StaffMembers, id => id, m => m.Id, (id, m) => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct))
        .Select(m => new DayStaff(m.Id, PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName)))
        .OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
}
