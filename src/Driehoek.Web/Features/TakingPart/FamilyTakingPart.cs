using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.TakingPart;

/// <param name="Asks">false when the round is not a three-way conversation: nothing to answer</param>
/// <param name="Answer">this parent's own answer (null: not answered yet); the other parent's is not shown</param>
public sealed record FamilyTakingPartView(Guid RoundId, string RoundName, RoundStatus Status, Guid StudentId, string StudentName, bool Asks,
    bool? Answer, string? Reason, TakingPartState? State)
{
    public bool MayAnswer => Asks && Status == RoundStatus.Published;
}

public sealed record AnswerTakingPartCommand(Guid RoundId, Guid StudentId, bool TakesPart, string? Reason);

/// <summary>
/// The signed-in parent, their child and a round the child is invited to, where the parent may give permission:
/// a guardian with parental authority (the matrix), of a household invited to the round.
/// </summary>
internal static class FamilyTakingPartScope
{
    public static async Task<FamilyContext?> LoadAsync(AppDbContext db, Access access, Guid roundId, Guid studentId, Act act, CancellationToken ct) =>
        await access.MayAsync(Resource.FamilyTakingPart, act, Target.Student(studentId), ct)
            ? await FamilyContext.LoadAsync(db, access, roundId, studentId, ct)
            : null;
}

/// <summary>A parent's own answer whether their child takes part in the three-way conversation, and what holds now.</summary>
public sealed class GetFamilyTakingPart(AppDbContext db, Access access)
{
    public async Task<Result<FamilyTakingPartView>> HandleAsync(Guid roundId, Guid studentId, CancellationToken ct)
    {
        if (await FamilyTakingPartScope.LoadAsync(db, access, roundId, studentId, Act.View, ct) is not { } family)
        {
            return Result<FamilyTakingPartView>.NotFound();
        }
        var round = family.Round;
        var name = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => s.FirstName).SingleAsync(ct);
        var own = await db.TakingPartAnswers.AsNoTracking()
            .FirstOrDefaultAsync(a => a.RoundId == round.Id && a.StudentId == studentId && a.GuardianId == family.GuardianId, ct);
        var asks = StudentTakesPart.Asks(round);
        var state = asks ? (await StudentTakesPart.OfStudentsAsync(db, round.Id, [studentId], ct))[studentId] : null;
        return new FamilyTakingPartView(round.Id, round.Name, round.Status, studentId, name, asks, own?.TakesPart, own?.Reason, state);
    }
}

/// <summary>
/// A parent says whether their child takes part. Each guardian keeps their own answer (answering again replaces
/// it); a "no" from either wins (<see cref="StudentTakesPart"/>). Two answers at once from the same parent: the
/// first stands, the second hears so.
/// </summary>
public sealed class AnswerTakingPart(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(AnswerTakingPartCommand command, CancellationToken ct)
    {
        if (await FamilyTakingPartScope.LoadAsync(db, access, command.RoundId, command.StudentId, Act.Change, ct) is not { } family)
        {
            return Result<bool>.NotFound();
        }
        var round = family.Round;
        if (!StudentTakesPart.Asks(round))
        {
            return Result<bool>.Invalid(new FieldError("", "TakingPart.NotThreeWay"));
        }
        if (round.Status != RoundStatus.Published)
        {
            return Result<bool>.Invalid(new FieldError("", "TakingPart.RoundClosed"));
        }
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason is { Length: > TakingPartAnswer.MaxReasonLength })
        {
            return Result<bool>.Invalid(new FieldError("Reason", "TakingPart.ReasonTooLong", TakingPartAnswer.MaxReasonLength));
        }
        var answer = await db.TakingPartAnswers
            .FirstOrDefaultAsync(a => a.RoundId == round.Id && a.StudentId == command.StudentId && a.GuardianId == family.GuardianId, ct);
        if (answer is null)
        {
            answer = new TakingPartAnswer { SchoolId = round.SchoolId, RoundId = round.Id, StudentId = command.StudentId, GuardianId = family.GuardianId };
            db.TakingPartAnswers.Add(answer);
        }
        answer.TakesPart = command.TakesPart;
        answer.Reason = reason;
        answer.AnsweredByUserId = access.UserId!.Value;
        answer.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Result<bool>.Conflict(new FieldError("", "TakingPart.AnsweredMeanwhile"));
        }
        return command.TakesPart;
    }
}
