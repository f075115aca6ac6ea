using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.MustSee;

public sealed record MarkMustSeeCommand(Guid RoundId, Guid StaffMemberId, Guid StudentId, bool Marked, string? Reason);

/// <summary>
/// A teacher (or a leader for them) marks a family they need to see, or takes the mark back. The first mark in
/// a published round sends the personal invitation in the same save; a draft round sends it when published.
/// Marking again, or twice at once, never sends twice: one row per teacher and child remembers when it was sent.
/// </summary>
public sealed class MarkMustSee(AppDbContext db, Access access, MustSeeInvitations invitations, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(MarkMustSeeCommand command, CancellationToken ct)
    {
        if (await MustSeeScope.LoadAsync(db, access, command.RoundId, command.StaffMemberId, Act.Change, ct) is not var (round, member, _))
        {
            return Result<bool>.NotFound();
        }
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason is { Length: > MustSeeMark.MaxReasonLength })
        {
            return Result<bool>.Invalid(new FieldError("Reason", "MustSee.ReasonTooLong", MustSeeMark.MaxReasonLength));
        }
        if ((await MustSeeScope.StudentsAsync(db, round, member.Id, ct)).All(s => s.Id != command.StudentId))
        {
            return Result<bool>.NotFound();
        }
        if (round.Status == RoundStatus.Cancelled)
        {
            return Result<bool>.Invalid(new FieldError("", "MustSee.RoundCancelled"));
        }
        var mark = await db.MustSeeMarks.FirstOrDefaultAsync(m => m.RoundId == round.Id && m.StaffMemberId == member.Id && m.StudentId == command.StudentId, ct);
        if (mark is null && !command.Marked)
        {
            return false;
        }
        if (mark is null)
        {
            mark = new MustSeeMark { SchoolId = round.SchoolId, RoundId = round.Id, StaffMemberId = member.Id, StudentId = command.StudentId };
            db.MustSeeMarks.Add(mark);
        }
        mark.Active = command.Marked;
        // Taking the mark back forgets why; the time of the invitation stays, so a new mark does not send again.
        mark.Reason = command.Marked ? reason : null;
        mark.MarkedByUserId = access.UserId!.Value;
        mark.MarkedAt = clock.GetUtcNow().UtcDateTime;
        if (mark.Active && mark.InvitedAt is null)
        {
            await invitations.SendAsync(round, [mark], ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Someone marked the same family a moment ago: theirs stands, and its invitation went once.
            db.ChangeTracker.Clear();
        }
        return command.Marked;
    }
}
