using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Conversations;

public sealed record AskConversationCommand(Guid StudentId, string? Reason);

/// <summary>
/// A parent or the student asks for a conversation with a short reason. It reaches the student's group
/// teacher and mentor as a request, by e-mail too, with the date by which the school promises a reply
/// (the school's number of school days on).
/// </summary>
public sealed class AskConversation(AppDbContext db, Access access, TimeProvider clock, ConversationStaffMail mail)
{
    public async Task<Result<Guid>> HandleAsync(AskConversationCommand c, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.FamilyConversations, Act.Change, Target.Student(c.StudentId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var reason = c.Reason?.Trim();
        if (ConversationRules.CheckMessage(reason, "Reason", "Ask.ReasonRequired") is { } problem)
        {
            return Result<Guid>.Invalid(problem);
        }
        var relations = await access.RelationsAsync(Target.Student(c.StudentId), ct);
        var school = await db.Students.AsNoTracking().Where(s => s.Id == c.StudentId)
            .Join(db.Schools, s => s.SchoolId, x => x.Id, (s, x) => new { x.Id, x.ConversationReplyDays }).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var wish = new ConversationWish
        {
            SchoolId = school.Id, StudentId = c.StudentId, AskedByUserId = access.UserId!.Value,
            AskedByStudent = relations.Contains(Relation.Student) && !relations.Contains(Relation.Guardian) && !relations.Contains(Relation.GuardianWithoutAuthority),
            Reason = reason!, CreatedAt = now, ReplyBy = ConversationRules.ReplyBy(now, ReplyDays(school.ConversationReplyDays)), Status = WishStatus.Open,
        };
        db.ConversationWishes.Add(wish);
        await mail.RequestedAsync(wish, ct);
        await db.SaveChangesAsync(ct);
        return wish.Id;
    }

    public static int ReplyDays(int? setting) => setting is >= 1 and <= 30 ? setting.Value : ConversationRules.DefaultReplyDays;
}
