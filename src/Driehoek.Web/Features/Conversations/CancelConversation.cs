namespace Driehoek.Web.Features.Conversations;

/// <param name="Revision">The revision the form showed; null where the form did not carry one.</param>
public sealed record CancelConversationCommand(Guid StudentId, Guid ConversationId, int? Revision, string? Reason);

/// <summary>
/// A conversation outside the rounds is called off, with a short reason: by staff who may plan for the
/// student (the family is told in their language, a chosen time leaves their calendar), or by a guardian
/// (the staff member who planned it is told). Of two people acting at once only the first counts.
/// </summary>
public sealed class CancelConversation(AppDbContext db, Access access, TimeProvider clock, ConversationMail family, ConversationStaffMail staff)
{
    public async Task<Result<Guid>> ByStaffAsync(CancelConversationCommand c, CancellationToken ct) =>
        await access.MayAsync(Resource.PlannedConversations, Act.Change, Target.Student(c.StudentId), ct)
            ? await CancelAsync(c, byFamily: false, "Change.MessageRequired", ct)
            : Result<Guid>.NotFound();

    public async Task<Result<Guid>> ByFamilyAsync(CancelConversationCommand c, CancellationToken ct) =>
        await FamilyAccess.IsGuardianAsync(access, Act.Change, c.StudentId, ct)
            ? await CancelAsync(c, byFamily: true, "Cancel.ReasonRequired", ct)
            : Result<Guid>.NotFound();

    private async Task<Result<Guid>> CancelAsync(CancelConversationCommand c, bool byFamily, string reasonRequired, CancellationToken ct)
    {
        var conversation = await db.PlannedConversations.FirstOrDefaultAsync(x => x.Id == c.ConversationId && x.StudentId == c.StudentId, ct);
        if (conversation is null)
        {
            return Result<Guid>.NotFound();
        }
        if (ConversationChanges.Stale(conversation, c.Revision) is { } stale)
        {
            return stale;
        }
        var reason = c.Reason?.Trim();
        if (ConversationRules.CheckMessage(reason, "Reason", reasonRequired) is { } problem)
        {
            return Result<Guid>.Invalid(problem);
        }
        var chosen = conversation.Status == PlannedStatus.Accepted
            ? await db.PlannedConversationTimes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == conversation.ChosenTimeId, ct)
            : null;
        conversation.Status = PlannedStatus.Cancelled;
        conversation.CancelReason = reason;
        conversation.CancelledByFamily = byFamily;
        conversation.CancelledAt = clock.GetUtcNow().UtcDateTime;
        conversation.Revision++;
        if (byFamily)
        {
            await staff.FamilyCancelledAsync(conversation, ct);
        }
        else
        {
            await family.CancelledAsync(conversation, chosen, ct);
        }
        return await ConversationChanges.SaveAsync(db, conversation, ct);
    }
}
