namespace Driehoek.Web.Features.Conversations;

/// <param name="Revision">The revision the staff member's form showed: a change made meanwhile is not overwritten.</param>
public sealed record ProposeNewTimesCommand(Guid StudentId, Guid ConversationId, int Revision, IReadOnlyList<ProposedTime> Times, string? Message);

/// <summary>
/// Staff propose other times for a conversation that is not called off: after the family asked for another
/// time, or to move a time already chosen. The conversation goes back to waiting for the family's choice;
/// the family is told in their language with the staff's message (and a chosen time leaves their calendar).
/// </summary>
public sealed class ProposeNewTimes(AppDbContext db, Access access, TimeProvider clock, ConversationMail mail)
{
    public async Task<Result<Guid>> HandleAsync(ProposeNewTimesCommand c, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.PlannedConversations, Act.Change, Target.Student(c.StudentId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var conversation = await db.PlannedConversations.FirstOrDefaultAsync(x => x.Id == c.ConversationId && x.StudentId == c.StudentId, ct);
        if (conversation is null)
        {
            return Result<Guid>.NotFound();
        }
        if (ConversationChanges.Stale(conversation, c.Revision) is { } stale)
        {
            return stale;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var message = c.Message?.Trim();
        var errors = PlanConversation.ValidateTimes(c.Times, now).ToList();
        if (ConversationRules.CheckMessage(message, "Message", "Change.MessageRequired") is { } problem)
        {
            errors.Insert(0, problem);
        }
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid([.. errors]);
        }
        var old = await db.PlannedConversationTimes.Where(t => t.ConversationId == conversation.Id).ToListAsync(ct);
        var dropped = conversation.Status == PlannedStatus.Accepted ? old.FirstOrDefault(t => t.Id == conversation.ChosenTimeId) : null;
        db.PlannedConversationTimes.RemoveRange(old);
        var times = PlanConversation.NewTimes(conversation.Id, c.Times);
        db.PlannedConversationTimes.AddRange(times);
        conversation.Status = PlannedStatus.Proposed;
        conversation.ChosenTimeId = null;
        conversation.StaffMessage = message;
        conversation.Revision++;
        await mail.NewTimesAsync(conversation, times, dropped, ct);
        return await ConversationChanges.SaveAsync(db, conversation, ct);
    }
}

/// <summary>The rule every change to a planned conversation follows: nothing changes a cancelled one, and the last one read wins nothing.</summary>
public static class ConversationChanges
{
    /// <summary>A conflict when the conversation is called off or changed since the form was read; null when the change may go ahead.</summary>
    public static Result<Guid>? Stale(PlannedConversation c, int? revision) =>
        c.Status == PlannedStatus.Cancelled ? Result<Guid>.Conflict(new FieldError("", "Change.AlreadyCancelled"))
        : revision is { } r && r != c.Revision ? Result<Guid>.Conflict(new FieldError("", "Change.Stale"))
        : null;

    /// <summary>Saves the change with its e-mails; of two people saving at once (same revision read), the second hears it changed meanwhile.</summary>
    public static async Task<Result<Guid>> SaveAsync(AppDbContext db, PlannedConversation c, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return c.Id;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<Guid>.Conflict(new FieldError("", "Change.Stale"));
        }
    }
}
