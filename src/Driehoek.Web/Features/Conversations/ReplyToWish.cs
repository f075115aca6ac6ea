namespace Driehoek.Web.Features.Conversations;

public sealed record ReplyToWishCommand(Guid? WishId, string? Message);

/// <summary>The mentor (or whoever may plan for the student) answers a family's request with a message,
/// which reaches the one who asked by e-mail in their language.</summary>
public sealed class ReplyToWish(AppDbContext db, Access access, TimeProvider clock, ConversationMail mail)
{
    public async Task<Result<Guid>> HandleAsync(ReplyToWishCommand c, CancellationToken ct)
    {
        if (c.WishId is not { } id)
        {
            return Result<Guid>.Invalid(new FieldError("WishId", "Reply.PickRequest"));
        }
        var wish = await db.ConversationWishes.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wish is null || !await access.MayAsync(Resource.PlannedConversations, Act.Change, Target.Student(wish.StudentId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var message = c.Message?.Trim();
        if (ConversationRules.CheckMessage(message, "Message", "Reply.MessageRequired") is { } problem)
        {
            return Result<Guid>.Invalid(problem);
        }
        if (wish.Status != WishStatus.Open)
        {
            return Result<Guid>.Conflict(new FieldError("", "Reply.AlreadyAnswered"));
        }
        var profile = await access.ProfileAsync(ct);
        wish.Status = WishStatus.Replied;
        wish.Reply = message;
        wish.RepliedAt = clock.GetUtcNow().UtcDateTime;
        wish.RepliedByStaffId = profile.Staff.FirstOrDefault(s => s.SchoolId == wish.SchoolId)?.StaffMemberId;
        await mail.RepliedAsync(wish, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague answered or planned at the same moment: theirs stands, and only one e-mail goes out.
            db.ChangeTracker.Clear();
            return Result<Guid>.Conflict(new FieldError("", "Reply.AlreadyAnswered"));
        }
        return wish.Id;
    }
}
