using Driehoek.Web.Features.Bookings;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>One more conversation after the evening was published: <paramref name="Teacher"/> is "main" or a subject teacher's id (N).</summary>
public sealed record LateRequestCommand(Guid RoundId, Guid StudentId, string Teacher, TopicAreas Areas, string? Topics,
    string? InterpreterLanguage, MeetingMode Mode, IReadOnlyList<Guid> SessionIds);

public sealed record LateOutcome(Guid RequestId, RequestOutcome Outcome, Guid? BookingId, string? Reason);

/// <summary>
/// A household asks for a conversation after publication (while the window is open). It is checked like
/// any request, stored, and placed at once around the published meetings, which never move.
/// </summary>
public sealed class AddLateRequest(AppDbContext db, Access access, TimeProvider clock, LateScheduler late)
{
    public async Task<Result<LateOutcome>> HandleAsync(LateRequestCommand command, CancellationToken ct)
    {
        var family = await FamilyRound.LoadAsync(db, access, command.RoundId, ct);
        if (family is null || !family.StudentIds.Contains(command.StudentId))
        {
            return Result<LateOutcome>.NotFound();
        }
        var round = family.Round;
        var now = clock.GetUtcNow().UtcDateTime;
        if (RequestChecks.Window(round, now) is { } closed)
        {
            return Result<LateOutcome>.Invalid(closed);
        }
        if (!await RequestChecks.PublishedAsync(db, round.Id, ct))
        {
            return Result<LateOutcome>.Invalid(new FieldError("", "Request.NotPublishedYet"));
        }
        var request = await ValidateAsync(family, command, now, ct);
        if (!request.Ok)
        {
            return Result<LateOutcome>.Invalid(request.Errors.ToArray());
        }
        if (command.SessionIds.Count > 0)
        {
            var chosen = await db.FamilySessions.Where(f => f.RoundId == round.Id && f.HouseholdId == family.HouseholdId).ToListAsync(ct);
            db.FamilySessions.RemoveRange(chosen.Where(c => !command.SessionIds.Contains(c.SessionId)));
            db.FamilySessions.AddRange(command.SessionIds.Distinct().Where(s => chosen.All(c => c.SessionId != s)).Select(s => new FamilySession
            {
                SchoolId = round.SchoolId, RoundId = round.Id, HouseholdId = family.HouseholdId, SessionId = s,
            }));
        }
        // A conversation whose booking was cancelled may be asked again: the old request makes way.
        await db.ConversationRequests.Where(r => r.Key == request.Value!.Key && r.Outcome == RequestOutcome.Scheduled
                                                 && !db.Bookings.Any(b => b.Id == r.BookingId && b.ActiveSlotId != null))
            .ExecuteDeleteAsync(ct);
        db.ConversationRequests.Add(request.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Result<LateOutcome>.Conflict(new FieldError("", "Request.AlreadyRequested"));
        }
        await late.InsertAsync(round.Id, ct);
        var saved = await db.ConversationRequests.AsNoTracking().SingleAsync(r => r.Id == request.Value!.Id, ct);
        return new LateOutcome(saved.Id, saved.Outcome, saved.BookingId, saved.UnplacedReason);
    }

    private async Task<Result<ConversationRequest>> ValidateAsync(FamilyRound family, LateRequestCommand command, DateTime now, CancellationToken ct)
    {
        var round = family.Round;
        var teachers = await TeachersOfStudent.ForRoundAsync(db, round, [command.StudentId], ct);
        var (main, subjects) = RequestChecks.Split(teachers.GetValueOrDefault(command.StudentId) ?? []);
        var own = await db.ConversationRequests.AsNoTracking()
            .Where(r => r.RoundId == round.Id && r.HouseholdId == family.HouseholdId && r.StudentId == command.StudentId
                        && (r.Outcome != RequestOutcome.Scheduled || db.Bookings.Any(b => b.Id == r.BookingId && b.ActiveSlotId != null)))
            .ToListAsync(ct);
        var teacher = command.Teacher == "main" ? null : ScheduleLabels.ParseId(command.Teacher);
        var child = await db.Students.Where(s => s.Id == command.StudentId).Select(s => s.FirstName).SingleAsync(ct);
        if (teacher is null && command.Teacher != "main")
        {
            return Result<ConversationRequest>.Invalid(new FieldError("Teacher", "Request.WrongTeacher", child));
        }
        if (own.Any(r => r.StaffMemberId == teacher))
        {
            return Result<ConversationRequest>.Invalid(new FieldError("Teacher", "Request.AlreadyRequested"));
        }
        var subjectIds = own.Where(r => r.StaffMemberId is not null).Select(r => r.StaffMemberId!.Value).ToList();
        if (teacher is { } s)
        {
            subjectIds.Add(s);
        }
        var hasMain = own.Any(r => r.Kind == RequestKind.GroupTeacherOrMentor);
        if (RequestValidation.Teachers(round, teacher is null, subjectIds, main, subjects, child, hasMain) is { } wrong)
        {
            return Result<ConversationRequest>.Invalid(wrong with { Field = "Teacher" });
        }
        var details = new BookingDetails(command.Topics, command.Areas, command.InterpreterLanguage, command.Mode);
        if (BookingChecks.Details(details, await RequestChecks.VideoOfferedAsync(db, round, ct)) is { } invalid)
        {
            return Result<ConversationRequest>.Invalid(invalid);
        }
        var sessions = await db.RoundSessions.Where(x => x.RoundId == round.Id).Select(x => x.Id).ToListAsync(ct);
        if (command.SessionIds.Any(id => !sessions.Contains(id)))
        {
            return Result<ConversationRequest>.Invalid(new FieldError("SessionIds", "Request.SessionUnknown"));
        }
        if (command.SessionIds.Count == 0 && !await db.FamilySessions.AnyAsync(f => f.RoundId == round.Id && f.HouseholdId == family.HouseholdId, ct))
        {
            return Result<ConversationRequest>.Invalid(new FieldError("SessionIds", "Request.NoSession"));
        }
        return RequestValidation.NewRequest(family, command.StudentId, teacher, details, isDouble: false, access.UserId!.Value, now, late: true);
    }
}
