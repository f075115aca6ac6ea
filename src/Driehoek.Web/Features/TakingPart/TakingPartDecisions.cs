using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.TakingPart;

/// <summary>One guardian's answer as the teacher reads it.</summary>
public sealed record ParentAnswerLine(string Guardian, bool TakesPart, string? Reason, DateTime AnsweredAt);

public sealed record TakingPartDecisionView(Guid RoundId, string RoundName, RoundStatus Status, Guid StudentId, string StudentName, bool Asks,
    IReadOnlyList<ParentAnswerLine> Answers, WithoutChildReason? Decision, DateTime? DecidedAt, TakingPartState? State, bool MayChange)
{
    public bool MayDecide => MayChange && Asks && Status != RoundStatus.Cancelled;
}

/// <param name="Reason">null takes the school's decision back</param>
public sealed record DecideWithoutChildCommand(Guid RoundId, Guid StudentId, WithoutChildReason? Reason);

/// <summary>The round and the child in it, for the mentor or group teacher of the child, or a leader (the matrix).</summary>
internal static class TakingPartDecisionScope
{
    public static async Task<(ConversationRound Round, string StudentName)?> LoadAsync(AppDbContext db, Access access, Guid roundId, Guid studentId,
        Act act, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.SchoolId, s.FirstName, s.LastNamePrefix, s.LastName }).FirstOrDefaultAsync(ct);
        if (round is null || student is null || student.SchoolId != round.SchoolId
            || !await RoundAccess.StudentIds(db, roundId).AnyAsync(s => s == studentId, ct)
            || !await access.MayAsync(Resource.TakingPartDecision, act, Target.Student(studentId), ct))
        {
            return null;
        }
        return (round, PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName));
    }
}

/// <summary>What the parents answered and what the school decided, for the teacher who leads the conversation.</summary>
public sealed class GetTakingPartDecision(AppDbContext db, Access access)
{
    public async Task<Result<TakingPartDecisionView>> HandleAsync(Guid roundId, Guid studentId, CancellationToken ct)
    {
        if (await TakingPartDecisionScope.LoadAsync(db, access, roundId, studentId, Act.View, ct) is not var (round, name))
        {
            return Result<TakingPartDecisionView>.NotFound();
        }
        var answers = await db.TakingPartAnswers.AsNoTracking().Where(a => a.RoundId == roundId && a.StudentId == studentId)
            .Join(db.Guardians, a => a.GuardianId, g => g.Id, (a, g) => new { g.FirstName, g.LastNamePrefix, g.LastName, a.TakesPart, a.Reason, a.AnsweredAt })
            .ToListAsync(ct);
        var decision = await db.WithoutChildDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.RoundId == roundId && d.StudentId == studentId, ct);
        var asks = StudentTakesPart.Asks(round);
        var state = asks ? StudentTakesPart.Decide(decision is not null, answers.Select(a => a.TakesPart).ToList()) : null;
        var mayChange = await access.MayAsync(Resource.TakingPartDecision, Act.Change, Target.Student(studentId), ct);
        return new TakingPartDecisionView(round.Id, round.Name, round.Status, studentId, name, asks,
            answers.OrderBy(a => a.AnsweredAt).Select(a => new ParentAnswerLine(PersonName.Format(a.FirstName, a.LastNamePrefix, a.LastName), a.TakesPart, a.Reason, a.AnsweredAt)).ToList(),
            decision?.Reason, decision?.DecidedAt, state, mayChange);
    }
}

/// <summary>
/// The mentor, group teacher or a leader decides that the conversation goes ahead without the child, with a reason
/// for staff, or takes that back. The school's decision outweighs the parents' answers.
/// </summary>
public sealed class DecideWithoutChild(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(DecideWithoutChildCommand command, CancellationToken ct)
    {
        if (await TakingPartDecisionScope.LoadAsync(db, access, command.RoundId, command.StudentId, Act.Change, ct) is not var (round, _))
        {
            return Result<bool>.NotFound();
        }
        if (!StudentTakesPart.Asks(round))
        {
            return Result<bool>.Invalid(new FieldError("", "TakingPart.NotThreeWay"));
        }
        if (round.Status == RoundStatus.Cancelled)
        {
            return Result<bool>.Invalid(new FieldError("", "TakingPart.RoundCancelled"));
        }
        if (command.Reason is { } r && !Enum.IsDefined(r))
        {
            return Result<bool>.Invalid(new FieldError("Reason", "TakingPart.ChooseReason"));
        }
        var decision = await db.WithoutChildDecisions.FirstOrDefaultAsync(d => d.RoundId == round.Id && d.StudentId == command.StudentId, ct);
        if (command.Reason is not { } reason)
        {
            if (decision is not null)
            {
                db.WithoutChildDecisions.Remove(decision);
            }
        }
        else
        {
            if (decision is null)
            {
                decision = new WithoutChildDecision { SchoolId = round.SchoolId, RoundId = round.Id, StudentId = command.StudentId };
                db.WithoutChildDecisions.Add(decision);
            }
            decision.Reason = reason;
            decision.DecidedByUserId = access.UserId!.Value;
            decision.DecidedAt = clock.GetUtcNow().UtcDateTime;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A colleague decided the same a moment ago: theirs stands.
            db.ChangeTracker.Clear();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Taken back by a colleague at the same moment: nothing left to remove.
            db.ChangeTracker.Clear();
        }
        return command.Reason is not null;
    }
}
