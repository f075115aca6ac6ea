namespace Driehoek.Web.Features.Conversations;

/// <param name="Revision">The revision the family's page showed: times staff changed meanwhile are not picked blind.</param>
public sealed record AnswerConversationCommand(Guid StudentId, Guid ConversationId, Guid? TimeId, bool OtherTime, string? Message, int? Revision = null);

/// <summary>
/// A guardian picks one of the proposed times, or asks for another with a short message. The status is a
/// concurrency token: of two guardians answering at once, the first wins and the second hears so.
/// </summary>
public sealed class AnswerConversation(AppDbContext db, Access access, TimeProvider clock, ConversationMail mail)
{
    public async Task<Result<Guid>> HandleAsync(AnswerConversationCommand c, CancellationToken ct)
    {
        if (!await FamilyAccess.IsGuardianAsync(access, Act.Change, c.StudentId, ct))
        {
            return Result<Guid>.NotFound();
        }
        var conversation = await db.PlannedConversations.FirstOrDefaultAsync(x => x.Id == c.ConversationId && x.StudentId == c.StudentId, ct);
        if (conversation is null)
        {
            return Result<Guid>.NotFound();
        }
        if (conversation.Status == PlannedStatus.Cancelled)
        {
            return ConversationChanges.Stale(conversation, c.Revision)!;
        }
        if (conversation.Status != PlannedStatus.Proposed)
        {
            return AlreadyAnswered();
        }
        if (ConversationChanges.Stale(conversation, c.Revision) is { } stale)
        {
            return stale;
        }
        var message = c.Message?.Trim();
        if (message?.Length > ConversationRules.MaxMessage)
        {
            return Result<Guid>.Invalid(new FieldError("Message", "Text.TooLong", ConversationRules.MaxMessage));
        }
        PlannedConversationTime? time = null;
        if (c.OtherTime)
        {
            if (string.IsNullOrEmpty(message))
            {
                return Result<Guid>.Invalid(new FieldError("Message", "Answer.MessageRequired"));
            }
            conversation.Status = PlannedStatus.OtherTimeAsked;
            conversation.Revision++;
        }
        else
        {
            time = c.TimeId is { } timeId
                ? await db.PlannedConversationTimes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == timeId && t.ConversationId == conversation.Id, ct)
                : null;
            if (time is null)
            {
                return Result<Guid>.Invalid(new FieldError("TimeId", "Answer.PickTime"));
            }
            conversation.Status = PlannedStatus.Accepted;
            conversation.ChosenTimeId = time.Id;
            conversation.Revision++;
            await mail.AcceptedAsync(conversation, time, ct);
        }
        conversation.FamilyMessage = string.IsNullOrEmpty(message) ? null : message;
        conversation.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        conversation.AnsweredByUserId = access.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AlreadyAnswered();
        }
        return conversation.Id;
    }

    private static Result<Guid> AlreadyAnswered() => Result<Guid>.Conflict(new FieldError("", "Answer.AlreadyAnswered"));
}

/// <summary>Who in the family may do what: guardians answer invitations; guardians and the student ask.</summary>
public static class FamilyAccess
{
    public static async Task<bool> IsGuardianAsync(Access access, Act act, Guid studentId, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        return (relations.Contains(Relation.Guardian) || relations.Contains(Relation.GuardianWithoutAuthority))
               && await access.MayAsync(Resource.FamilyConversations, act, Target.Student(studentId), ct);
    }
}
