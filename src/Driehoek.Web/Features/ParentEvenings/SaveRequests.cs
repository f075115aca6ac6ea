using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

public sealed record ChildRequestInput(Guid StudentId, bool Main, IReadOnlyList<Guid> SubjectTeacherIds, TopicAreas Areas, string? Topics);

/// <summary>
/// The household's whole wish list for a round: per child the conversations and topics, the sessions it
/// can come to, and at most one conversation of double length ("{child}:main" or "{child}:{teacher}", ids as N).
/// </summary>
public sealed record SaveRequestsCommand(Guid RoundId, IReadOnlyList<ChildRequestInput> Children, IReadOnlyList<Guid> SessionIds,
    string? DoubleLength, string? InterpreterLanguage, MeetingMode Mode, string? Stamp);

/// <summary>
/// A household asks for conversations, changes what it asked, or withdraws (an empty list), until the
/// window closes or the school publishes the evening. Everything is checked first; nothing is stored
/// unless all of it is right.
/// </summary>
public sealed class SaveRequests(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<int>> HandleAsync(SaveRequestsCommand command, CancellationToken ct)
    {
        var family = await FamilyRound.LoadAsync(db, access, command.RoundId, ct);
        if (family is null || command.Children.Any(c => !family.StudentIds.Contains(c.StudentId)))
        {
            return Result<int>.NotFound();
        }
        var round = family.Round;
        var now = clock.GetUtcNow().UtcDateTime;
        if (RequestChecks.Window(round, now) is { } closed)
        {
            return Result<int>.Invalid(closed);
        }
        if (await RequestChecks.PublishedAsync(db, round.Id, ct))
        {
            return Result<int>.Invalid(new FieldError("", "Request.AlreadyPublished"));
        }
        var existing = await db.ConversationRequests.Where(r => r.RoundId == round.Id && r.HouseholdId == family.HouseholdId).ToListAsync(ct);
        var chosen = await db.FamilySessions.Where(f => f.RoundId == round.Id && f.HouseholdId == family.HouseholdId).ToListAsync(ct);
        if (command.Stamp is not null && command.Stamp != RequestChecks.Stamp(existing, chosen.Select(c => c.SessionId)))
        {
            return Result<int>.Conflict(new FieldError("", "Request.ChangedByOther"));
        }
        var requests = new List<ConversationRequest>();
        var errors = await BuildAsync(family, command, now, requests, ct);
        if (errors.Count > 0)
        {
            return Result<int>.Invalid(errors.ToArray());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The old rows go first, in the same transaction: a request kept as it was gets its key again.
            db.ConversationRequests.RemoveRange(existing);
            db.FamilySessions.RemoveRange(chosen);
            await db.SaveChangesAsync(ct);
            db.ConversationRequests.AddRange(requests);
            db.FamilySessions.AddRange(command.SessionIds.Distinct().Select(s => new FamilySession
            {
                SchoolId = round.SchoolId, RoundId = round.Id, HouseholdId = family.HouseholdId, SessionId = s,
            }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            return Result<int>.Conflict(new FieldError("", "Request.ChangedByOther"));
        }
        return requests.Count;
    }

    private async Task<List<FieldError>> BuildAsync(FamilyRound family, SaveRequestsCommand command, DateTime now, List<ConversationRequest> requests, CancellationToken ct)
    {
        var round = family.Round;
        var errors = new List<FieldError>();
        var sessions = await db.RoundSessions.Where(s => s.RoundId == round.Id).Select(s => s.Id).ToListAsync(ct);
        if (command.SessionIds.Any(s => !sessions.Contains(s)))
        {
            errors.Add(new FieldError("SessionIds", "Request.SessionUnknown"));
        }
        var teachers = await TeachersOfStudent.ForRoundAsync(db, round, family.StudentIds, ct);
        var names = await db.Students.Where(s => family.StudentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var video = await RequestChecks.VideoOfferedAsync(db, round, ct);
        var doubles = 0;
        var children = command.Children.DistinctBy(c => c.StudentId).ToList();
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var (main, subjects) = RequestChecks.Split(teachers.GetValueOrDefault(child.StudentId) ?? []);
            var name = names[child.StudentId];
            var wanted = new List<Guid?>();
            if (child.Main)
            {
                wanted.Add(null);
            }
            wanted.AddRange(child.SubjectTeacherIds.Distinct().Select(t => (Guid?)t));
            if (wanted.Count == 0)
            {
                continue;
            }
            if (RequestValidation.Teachers(round, child.Main, child.SubjectTeacherIds, main, subjects, name, hasMainAlready: false) is { } wrong)
            {
                errors.Add(wrong with { Field = $"Children[{i}].Subjects" });
            }
            var details = new BookingDetails(child.Topics, child.Areas, command.InterpreterLanguage, command.Mode);
            if (BookingChecks.Details(details, video) is { } invalid)
            {
                errors.Add(invalid with { Field = invalid.Field == "Topics" ? $"Children[{i}].Topics" : invalid.Field });
            }
            foreach (var teacher in wanted)
            {
                var isDouble = command.DoubleLength == $"{child.StudentId:N}:{teacher?.ToString("N") ?? "main"}";
                doubles += isDouble ? 1 : 0;
                requests.Add(RequestValidation.NewRequest(family, child.StudentId, teacher, details, isDouble, access.UserId!.Value, now, late: false));
            }
        }
        if (requests.Count > 0 && command.SessionIds.Count == 0)
        {
            errors.Add(new FieldError("SessionIds", "Request.NoSession"));
        }
        if (!string.IsNullOrEmpty(command.DoubleLength) && command.DoubleLength != "none" && doubles != 1)
        {
            errors.Add(new FieldError("DoubleLength", "Request.DoubleNotRequested"));
        }
        return errors;
    }
}
