using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Contacts;

public sealed record TellSchoolCommand(Guid StudentId, FamilyNewsKind Kind, string? Text);

/// <param name="Topic">A situation (<c>Bullied</c>, …) or <c>Other.Area</c> for something else in one of the four areas.</param>
public sealed record RaiseConcernCommand(Guid StudentId, string? Topic, string? Text);

/// <summary>
/// What a parent or the student tells the school: news from outside school that matters (a move, an illness, a loss),
/// which lands in the contact log and with the mentor; or a concern, which reaches the mentor (and, when sensitive, the
/// care coordinator) and whose status and reply the one who raised it reads on their page.
/// </summary>
public sealed class FamilyReports(AppDbContext db, Access access, TimeProvider clock, ContactMail mail, Tasks.TaskBook tasks)
{
    public async Task<Result<Guid>> TellAsync(TellSchoolCommand c, CancellationToken ct)
    {
        if (await WhoAsync(c.StudentId, ct) is not { } who)
        {
            return Result<Guid>.NotFound();
        }
        var text = string.IsNullOrWhiteSpace(c.Text) ? null : c.Text.Trim();
        if (!Enum.IsDefined(c.Kind))
        {
            return Result<Guid>.Invalid(new FieldError("Kind", "News.ChooseKind"));
        }
        if (text is null)
        {
            return Result<Guid>.Invalid(new FieldError("NewsText", "News.TextRequired"));
        }
        if (ContactRules.CheckLength(text, "NewsText", ContactRules.MaxSummary) is { } tooLong)
        {
            return Result<Guid>.Invalid(tooLong);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new ContactEntry
        {
            SchoolId = who.SchoolId, StudentId = c.StudentId, LoggedByUserId = who.UserId, AuthorName = who.Name, At = now, LoggedAt = now,
            Channel = ContactChannel.FamilyNews, With = who.IsStudent ? ContactWith.Student : ContactWith.Guardians, Area = ContactArea.Wellbeing,
            NewsKind = c.Kind, Summary = text,
        };
        db.ContactEntries.Add(entry);
        await mail.FamilyNewsAsync(entry, ct);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    public async Task<Result<Guid>> RaiseAsync(RaiseConcernCommand c, CancellationToken ct)
    {
        if (await WhoAsync(c.StudentId, ct) is not { } who)
        {
            return Result<Guid>.NotFound();
        }
        if (ParseTopic(c.Topic) is not { } topic)
        {
            return Result<Guid>.Invalid(new FieldError("Topic", "Concern.ChooseTopic"));
        }
        var (situation, area) = topic;
        var text = string.IsNullOrWhiteSpace(c.Text) ? null : c.Text.Trim();
        if (ContactRules.CheckLength(text, "Text", ContactRules.MaxConcern) is { } tooLong)
        {
            return Result<Guid>.Invalid(tooLong);
        }
        var concern = new Concern
        {
            SchoolId = who.SchoolId, StudentId = c.StudentId, RaisedByUserId = who.UserId, RaisedByStudent = who.IsStudent,
            Situation = situation, Area = area, Sensitive = ContactRules.IsSensitive(situation), Text = text,
            CreatedAt = clock.GetUtcNow().UtcDateTime, Status = ConcernStatus.New,
        };
        // The concern and the task that answers for it are one write: nobody is told of a concern that has no owner yet.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Concerns.Add(concern);
        await mail.ConcernRaisedAsync(concern, ct);
        await db.SaveChangesAsync(ct);
        await tasks.CreateAsync(await ConcernTaskAsync(concern, ct), ct);
        await transaction.CommitAsync(ct);
        return concern.Id;
    }

    /// <summary>
    /// The task a concern makes: the student's mentor (else group teacher) answers it; a sensitive one the school's care
    /// coordinator, with the mentor informed; due within the school's reply days. None when the school has nobody to own it.
    /// </summary>
    private async Task<IReadOnlyList<Tasks.NewTask>> ConcernTaskAsync(Concern concern, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var year = await SchoolCalendar.CurrentYearAsync(db, concern.SchoolId, SchoolCalendar.Today(clock), ct);
        var group = year is null ? null : await db.Enrollments.AsNoTracking()
            .Where(e => e.StudentId == concern.StudentId && e.SchoolYearId == year.Id).Select(e => (Guid?)e.GroupId).FirstOrDefaultAsync(ct);
        var staff = await db.StaffAssignments.AsNoTracking()
            .Where(a => a.SchoolId == concern.SchoolId
                        && ((group != null && a.GroupId == group && (a.Role == StaffRole.Mentor || a.Role == StaffRole.GroupTeacher))
                            || a.Role == StaffRole.CareCoordinator))
            .OrderBy(a => a.Id).Select(a => new { a.Role, a.StaffMemberId }).ToListAsync(ct);
        var lead = (staff.FirstOrDefault(a => a.Role == StaffRole.Mentor) ?? staff.FirstOrDefault(a => a.Role == StaffRole.GroupTeacher))?.StaffMemberId;
        var care = staff.FirstOrDefault(a => a.Role == StaffRole.CareCoordinator)?.StaffMemberId;
        var (owner, informed) = concern.Sensitive && care is not null ? (care, lead) : (lead, null);
        if (owner is not { } ownerId)
        {
            return [];
        }
        var replyDays = Conversations.AskConversation.ReplyDays(
            await db.Schools.AsNoTracking().Where(x => x.Id == concern.SchoolId).Select(x => x.ConversationReplyDays).SingleAsync(ct));
        var due = DateOnly.FromDateTime(SchoolCalendar.ToLocal(Conversations.ConversationRules.ReplyBy(now, replyDays)));
        return [new Tasks.NewTask(concern.SchoolId, Tasks.TaskKind.Concern, TaskKey(concern.Id), ownerId, due, concern.StudentId, group, informed)];
    }

    /// <summary>The occurrence key of a concern's task: one task per concern however often it is asked for.</summary>
    public static string TaskKey(Guid concernId) => concernId.ToString("N");

    /// <summary>The topics the form offers, per area: the common situations first, then "something else".</summary>
    public static readonly IReadOnlyList<(ContactArea Area, IReadOnlyList<ConcernSituation> Situations)> Topics =
    [
        (ContactArea.Results, [ConcernSituation.WorriedAboutGrades]),
        (ContactArea.Wellbeing, [ConcernSituation.NoJoy, ConcernSituation.HomeAffectsSchool]),
        (ContactArea.SocialContacts, [ConcernSituation.Bullied]),
        (ContactArea.ClassroomClimate, []),
    ];

    public static string TopicValue(ConcernSituation situation, ContactArea area) =>
        situation == ConcernSituation.Other ? $"Other.{area}" : situation.ToString();

    public static (ConcernSituation, ContactArea)? ParseTopic(string? topic)
    {
        if (topic is null)
        {
            return null;
        }
        if (topic.StartsWith("Other.", StringComparison.Ordinal))
        {
            return Enum.TryParse<ContactArea>(topic["Other.".Length..], out var area) && Enum.IsDefined(area) && !int.TryParse(topic["Other.".Length..], out _)
                ? (ConcernSituation.Other, area) : null;
        }
        return Enum.TryParse<ConcernSituation>(topic, out var s) && !int.TryParse(topic, out _) && Enum.IsDefined(s) && s != ConcernSituation.Other
            ? (s, ContactRules.AreaOf(s, ContactArea.Wellbeing)) : null;
    }

    private sealed record Who(Guid UserId, Guid SchoolId, string Name, bool IsStudent);

    private async Task<Who?> WhoAsync(Guid studentId, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        var schoolId = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => (Guid?)s.SchoolId).FirstOrDefaultAsync(ct);
        if (schoolId is not { } school || access.UserId is not { } userId
                                       || !await access.PermitsAsync(Resource.FamilyConcerns, Act.Change, relations, school, ct))
        {
            return null;
        }
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return new Who(userId, school, name, ContactReaders.AsStudent(relations));
    }
}
