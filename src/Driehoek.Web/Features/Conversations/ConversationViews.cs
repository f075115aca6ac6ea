using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Conversations;

public sealed record TimeView(Guid Id, DateTime StartsAt, int Minutes, string? Place);

/// <param name="StaffNote">Always null where the family reads it.</param>
public sealed record ConversationView(
    Guid Id, Guid StudentId, string StudentName, string Purpose, string? StaffNote, int? SupportLevel, string? AskedBy, string? Decision,
    string? DecidedBy, bool StudentTakesPart, PlannedStatus Status, Guid? ChosenTimeId, string? FamilyMessage, DateTime CreatedAt,
    IReadOnlyList<TimeView> Times, IReadOnlyList<Participant> People, string? StaffMessage = null, string? CancelReason = null,
    bool CancelledByFamily = false, int Revision = 0)
{
    public TimeView? Chosen => Times.FirstOrDefault(t => t.Id == ChosenTimeId);
}

public sealed record WishView(
    Guid Id, Guid StudentId, string StudentName, string Reason, bool AskedByStudent, DateTime CreatedAt, DateTime ReplyBy, WishStatus Status,
    string? Reply, Guid? ConversationId, bool Overdue);

/// <summary>Reads conversations and requests into views; callers decide which rows (and whether staff-only text comes along).</summary>
public static class ConversationReader
{
    public static async Task<List<ConversationView>> ConversationsAsync(AppDbContext db, IQueryable<PlannedConversation> which, bool staff, CancellationToken ct)
    {
        var rows = await (from c in which.AsNoTracking()
                          join s in db.Students on c.StudentId equals s.Id
                          orderby c.CreatedAt descending
                          select new { c, s.FirstName, s.LastNamePrefix, s.LastName }).Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.c.Id).ToList();
        var times = (await db.PlannedConversationTimes.AsNoTracking().Where(t => ids.Contains(t.ConversationId)).ToListAsync(ct))
            .OrderBy(t => t.StartsAt).ToLookup(t => t.ConversationId);
        var people = await ConversationPeople.OfAsync(db, ids, ct);
        return rows.Select(r => new ConversationView(r.c.Id, r.c.StudentId, PersonName.Format(r.FirstName, r.LastNamePrefix, r.LastName), r.c.Purpose,
            staff ? r.c.StaffNote : null, r.c.SupportLevel, r.c.AskedBy, r.c.Decision, r.c.DecidedBy, r.c.StudentTakesPart, r.c.Status,
            r.c.ChosenTimeId, r.c.FamilyMessage, r.c.CreatedAt,
            times[r.c.Id].Select(t => new TimeView(t.Id, t.StartsAt, t.Minutes, t.Place)).ToList(), people.GetValueOrDefault(r.c.Id, []),
            r.c.StaffMessage, r.c.CancelReason, r.c.CancelledByFamily, r.c.Revision)).ToList();
    }

    public static async Task<List<WishView>> WishesAsync(AppDbContext db, IQueryable<ConversationWish> which, DateTime now, CancellationToken ct)
    {
        var rows = await (from w in which.AsNoTracking()
                          join s in db.Students on w.StudentId equals s.Id
                          orderby w.CreatedAt descending
                          select new { w, s.FirstName, s.LastNamePrefix, s.LastName }).Take(200).ToListAsync(ct);
        return rows.Select(r => new WishView(r.w.Id, r.w.StudentId, PersonName.Format(r.FirstName, r.LastNamePrefix, r.LastName), r.w.Reason,
            r.w.AskedByStudent, r.w.CreatedAt, r.w.ReplyBy, r.w.Status, r.w.Reply, r.w.ConversationId,
            r.w.Status == WishStatus.Open && r.w.ReplyBy < now)).ToList();
    }
}

public sealed record StaffOption(Guid Id, string Name);

public sealed record StudentPlan(Guid StudentId, string StudentName, IReadOnlyList<ConversationView> Conversations, IReadOnlyList<WishView> Wishes,
    IReadOnlyList<StaffOption> Staff);

/// <summary>A student's conversations outside the rounds for the staff who plan them, with the school's staff to pick from.</summary>
public sealed class GetStudentPlan(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<StudentPlan>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.PlannedConversations, Act.View, Target.Student(studentId), ct))
        {
            return Result<StudentPlan>.NotFound();
        }
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == studentId, ct);
        var staff = (await db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == student.SchoolId)
                .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
            .Select(m => new StaffOption(m.Id, PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName))).OrderBy(m => m.Name).ToList();
        return new StudentPlan(studentId, student.FullName,
            await ConversationReader.ConversationsAsync(db, db.PlannedConversations.Where(c => c.StudentId == studentId), staff: true, ct),
            await ConversationReader.WishesAsync(db, db.ConversationWishes.Where(w => w.StudentId == studentId), clock.GetUtcNow().UtcDateTime, ct),
            staff);
    }
}

/// <param name="ReplyDays">Within how many school days the school promises to answer a request.</param>
public sealed record FamilyConversationsView(Guid StudentId, string StudentFirstName, bool MayAnswer, IReadOnlyList<ConversationView> Conversations,
    IReadOnlyList<WishView> Wishes, int ReplyDays = ConversationRules.DefaultReplyDays);

/// <summary>
/// A child's conversations outside the rounds as the family reads them: guardians see the invitations
/// (never the staff-only note); everyone sees the requests they made themselves.
/// </summary>
public sealed class GetFamilyConversations(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<FamilyConversationsView>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.FamilyConversations, Act.View, Target.Student(studentId), ct))
        {
            return Result<FamilyConversationsView>.NotFound();
        }
        var guardian = await FamilyAccess.IsGuardianAsync(access, Act.View, studentId, ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Join(db.Schools, s => s.SchoolId, x => x.Id, (s, x) => new { s.FirstName, x.ConversationReplyDays }).SingleAsync(ct);
        var userId = access.UserId!.Value;
        return new FamilyConversationsView(studentId, student.FirstName, guardian,
            guardian ? await ConversationReader.ConversationsAsync(db, db.PlannedConversations.Where(c => c.StudentId == studentId), staff: false, ct) : [],
            await ConversationReader.WishesAsync(db, db.ConversationWishes.Where(w => w.StudentId == studentId && w.AskedByUserId == userId),
                clock.GetUtcNow().UtcDateTime, ct), AskConversation.ReplyDays(student.ConversationReplyDays));
    }
}

public sealed record StaffConversationsView(Guid SchoolId, bool SchoolWide, IReadOnlyList<ConversationView> Conversations, IReadOnlyList<WishView> Wishes);

/// <summary>
/// A staff member's conversations and requests outside the rounds: those they planned or take part in and
/// those of the students of their groups; the care coordinator and leaders see the whole school's.
/// </summary>
public sealed class GetStaffConversations(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<StaffConversationsView>> HandleAsync(Guid? schoolId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var id = schoolId ?? profile.StaffSchoolIds.FirstOrDefault();
        if (id == Guid.Empty || !await access.MayAsync(Resource.StaffConversations, Act.View, Target.School(id), ct))
        {
            return Result<StaffConversationsView>.NotFound();
        }
        var schoolWide = await IsSchoolWideAsync(access, id, ct);
        var (conversations, wishes) = Mine(db, profile, id, schoolWide);
        var now = clock.GetUtcNow().UtcDateTime;
        return new StaffConversationsView(id, schoolWide, await ConversationReader.ConversationsAsync(db, conversations, staff: true, ct),
            (await ConversationReader.WishesAsync(db, wishes, now, ct)).OrderByDescending(w => w.Status == WishStatus.Open).ThenBy(w => w.ReplyBy).ToList());
    }

    /// <summary>The care coordinator and leaders see the school's; everyone else their own.</summary>
    public static async Task<bool> IsSchoolWideAsync(Access access, Guid schoolId, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.School(schoolId), ct);
        return relations.Contains(Relation.CareCoordinator) || relations.Contains(Relation.SchoolLeader) || relations.Contains(Relation.Administrator);
    }

    /// <summary>
    /// A staff member's conversations and requests at one school: those they planned or take part in and those of
    /// the students of the groups they lead; with <paramref name="schoolWide"/> all of the school's.
    /// </summary>
    public static (IQueryable<PlannedConversation> Conversations, IQueryable<ConversationWish> Wishes) Mine(
        AppDbContext db, AccessProfile profile, Guid schoolId, bool schoolWide)
    {
        var conversations = db.PlannedConversations.Where(c => c.SchoolId == schoolId);
        var wishes = db.ConversationWishes.Where(w => w.SchoolId == schoolId);
        if (schoolWide)
        {
            return (conversations, wishes);
        }
        var me = profile.Staff.Where(s => s.SchoolId == schoolId).Select(s => s.StaffMemberId).Distinct().ToList();
        var groups = profile.Staff.Where(s => s.SchoolId == schoolId && s.GroupId is not null && s.Role is StaffRole.GroupTeacher or StaffRole.Mentor)
            .Select(s => s.GroupId!.Value).ToList();
        var students = db.Enrollments.Where(e => groups.Contains(e.GroupId)).Select(e => e.StudentId);
        return (conversations.Where(c => me.Contains(c.PlannedByStaffId) || students.Contains(c.StudentId)
                                         || db.PlannedConversationParticipants.Any(p => p.ConversationId == c.Id && p.StaffMemberId != null && me.Contains(p.StaffMemberId.Value))),
            wishes.Where(w => students.Contains(w.StudentId)));
    }
}
