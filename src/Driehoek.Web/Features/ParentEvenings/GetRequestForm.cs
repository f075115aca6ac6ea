using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>A teacher a family can ask for; <see cref="StaffMemberId"/> is null for the group teacher or mentor (one or two names).</summary>
public sealed record TeacherChoice(Guid? StaffMemberId, string Names, string? Subject)
{
    /// <summary>The form's value: "main" or the subject teacher's id.</summary>
    public string Value => StaffMemberId?.ToString("N") ?? "main";
}

/// <summary>One asked conversation; <see cref="Cancelled"/> when its booking was cancelled after publication (it can be asked again).</summary>
public sealed record RequestLine(Guid Id, string Teacher, RequestKind Kind, Guid? StaffMemberId, bool DoubleLength, RequestOutcome Outcome,
    string? UnplacedReason, Guid? BookingId, bool Late, bool Cancelled);

/// <summary>A child's teachers and requests; <see cref="LateChoices"/> are the teachers a late request may still name.</summary>
public sealed record ChildRequests(Guid StudentId, string Name, TeacherChoice? Main, IReadOnlyList<TeacherChoice> Subjects,
    IReadOnlyList<RequestLine> Requests, TopicAreas Areas, string? Topics, IReadOnlyList<TeacherChoice> LateChoices);

public sealed record SessionChoice(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, bool Chosen);

public sealed record RequestForm(
    Guid RoundId, string RoundName, int LengthMinutes, RoundMode RoundMode, FieldError? Closed, DateTime ClosesAt, bool MainRequired,
    int MaxSubjectTeachers, bool VideoOffered, bool Published, IReadOnlyList<SessionChoice> Sessions, IReadOnlyList<ChildRequests> Children,
    string? InterpreterLanguage, MeetingMode Mode, string Stamp);

/// <summary>What a household can ask for in a round in request mode, and what it asked already (and how that went).</summary>
public sealed class GetRequestForm(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<RequestForm>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var family = await FamilyRound.LoadAsync(db, access, roundId, ct);
        if (family is null)
        {
            return Result<RequestForm>.NotFound();
        }
        var round = family.Round;
        var requests = await db.ConversationRequests.AsNoTracking()
            .Where(r => r.RoundId == round.Id && r.HouseholdId == family.HouseholdId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var bookingIds = requests.Where(r => r.BookingId is not null).Select(r => r.BookingId!.Value).ToList();
        var active = await db.Bookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id) && b.ActiveSlotId != null).Select(b => b.Id).ToListAsync(ct);
        var sessions = await db.RoundSessions.AsNoTracking().Where(s => s.RoundId == round.Id).OrderBy(s => s.Date).ThenBy(s => s.Start).ToListAsync(ct);
        var chosen = await db.FamilySessions.AsNoTracking().Where(f => f.RoundId == round.Id && f.HouseholdId == family.HouseholdId)
            .Select(f => f.SessionId).ToListAsync(ct);
        var teachers = await TeachersOfStudent.ForRoundAsync(db, round, family.StudentIds, ct);
        var names = await db.Students.AsNoTracking().Where(s => family.StudentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var subjectIds = requests.Where(r => r.StaffMemberId is not null).Select(r => r.StaffMemberId!.Value).ToList();
        var staff = (await db.StaffMembers.AsNoTracking().Where(m => subjectIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName));

        var children = family.StudentIds.OrderBy(id => names[id]).Select(id =>
        {
            var (main, subjects) = RequestChecks.Split(teachers.GetValueOrDefault(id) ?? []);
            var mainChoice = main.Count == 0 ? null : new TeacherChoice(null, string.Join(" / ", main.Select(t => t.Name)), null);
            var own = requests.Where(r => r.StudentId == id).ToList();
            var lines = own.Select(r => new RequestLine(r.Id,
                r.StaffMemberId is { } s ? staff.GetValueOrDefault(s) ?? "" : mainChoice?.Names ?? "", r.Kind, r.StaffMemberId, r.DoubleLength,
                r.Outcome, r.UnplacedReason, r.BookingId, r.Late,
                r.Outcome == RequestOutcome.Scheduled && !active.Contains(r.BookingId!.Value))).ToList();
            var subjectChoices = subjects.Select(t => new TeacherChoice(t.StaffMemberId, t.Name, t.Subject)).ToList();
            return new ChildRequests(id, names[id], mainChoice, subjectChoices, lines,
                own.FirstOrDefault()?.TopicAreas ?? TopicAreas.None, own.FirstOrDefault()?.Topics,
                RequestValidation.LateChoices(round.Participants.HasFlag(Participants.GroupTeacherOrMentor), round.MaxSubjectTeachers,
                    mainChoice, subjectChoices, lines, names[id]));
        }).ToList();
        var first = requests.FirstOrDefault();
        return new RequestForm(round.Id, round.Name, round.LengthMinutes, round.Mode, RequestChecks.Window(round, clock.GetUtcNow().UtcDateTime),
            round.BookingClosesAt, round.Participants.HasFlag(Participants.GroupTeacherOrMentor), round.MaxSubjectTeachers,
            await RequestChecks.VideoOfferedAsync(db, round, ct), await RequestChecks.PublishedAsync(db, round.Id, ct),
            sessions.Select(s => new SessionChoice(s.Id, s.Date, s.Start, s.End, chosen.Contains(s.Id))).ToList(), children,
            first?.InterpreterLanguage, first?.Mode ?? MeetingMode.OnSite, RequestChecks.Stamp(requests, chosen));
    }
}
