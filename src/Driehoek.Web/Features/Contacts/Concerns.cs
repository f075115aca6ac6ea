using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Contacts;

public sealed record ConcernView(Guid Id, ConcernSituation Situation, ContactArea Area, bool Sensitive, bool RaisedByStudent, string RaisedBy,
    string? Text, DateTime CreatedAt, ConcernStatus Status, string? Reply, string? HandledByName, DateTime? RepliedAt, Guid Version);

public sealed record StudentConcernsView(Guid StudentId, string StudentName, IReadOnlyList<ConcernView> Concerns);

/// <param name="Answer">True to send <paramref name="Reply"/> to the family; false to mark the concern as being handled.</param>
public sealed record HandleConcernCommand(Guid StudentId, Guid? ConcernId, Guid? Version, bool Answer, string? Reply);

/// <summary>
/// A student's concerns as their mentor or group teacher reads them (and a sensitive one the care coordinator): every
/// concern shown is in the audit log. Those readers mark it as being handled or answer it; the answer is what the family
/// reads, it is logged in the contact log and mailed to whoever raised it. A form that read an older version is refused.
/// </summary>
public sealed class StudentConcerns(AppDbContext db, Access access, AuditLog audit, TimeProvider clock, ContactMail mail)
{
    private const int MaxShown = 200;

    public async Task<Result<StudentConcernsView>> ReadAsync(Guid studentId, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.SchoolId, s.FirstName, s.LastNamePrefix, s.LastName }).FirstOrDefaultAsync(ct);
        if (student is null || !await access.PermitsAsync(Resource.Concerns, Act.View, relations, student.SchoolId, ct))
        {
            return Result<StudentConcernsView>.NotFound();
        }
        var concerns = await ReadableAsync(db.Concerns.Where(c => c.StudentId == studentId), relations, ct);
        foreach (var c in concerns)
        {
            audit.Record("read", "concern", c.Id, access.UserId, student.SchoolId);
        }
        await db.SaveChangesAsync(ct);
        return new StudentConcernsView(studentId, People.PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName), concerns);
    }

    /// <summary>The concerns among <paramref name="which"/> these relations read, newest first, with who raised them. The caller audits.</summary>
    public async Task<List<ConcernView>> ReadableAsync(IQueryable<Concern> which, IReadOnlySet<Relation> relations, CancellationToken ct)
    {
        var care = ContactReaders.ReadsConcern(relations, sensitive: true);
        var plain = ContactReaders.ReadsConcern(relations, sensitive: false);
        return await which.AsNoTracking().Where(c => c.Sensitive ? care : plain).OrderByDescending(c => c.CreatedAt).Take(MaxShown)
            .Select(c => new ConcernView(c.Id, c.Situation, c.Area, c.Sensitive, c.RaisedByStudent,
                db.Users.Where(u => u.Id == c.RaisedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                c.Text, c.CreatedAt, c.Status, c.Reply, c.HandledByName, c.RepliedAt, c.Version))
            .ToListAsync(ct);
    }

    public async Task<Result<Guid>> HandleAsync(HandleConcernCommand c, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(c.StudentId), ct);
        var schoolId = await db.Students.AsNoTracking().Where(s => s.Id == c.StudentId).Select(s => (Guid?)s.SchoolId).FirstOrDefaultAsync(ct);
        if (schoolId is not { } school || access.UserId is not { } userId
                                       || !await access.PermitsAsync(Resource.Concerns, Act.Change, relations, school, ct))
        {
            return Result<Guid>.NotFound();
        }
        if (c.ConcernId is not { } id)
        {
            return Result<Guid>.Invalid(new FieldError("", "Concern.PickOne"));
        }
        var concern = await db.Concerns.FirstOrDefaultAsync(x => x.Id == id && x.StudentId == c.StudentId, ct);
        if (concern is null || !ContactReaders.ReadsConcern(relations, concern.Sensitive))
        {
            return Result<Guid>.NotFound();
        }
        var reply = string.IsNullOrWhiteSpace(c.Reply) ? null : c.Reply.Trim();
        if (c.Answer && reply is null)
        {
            return Result<Guid>.Invalid(new FieldError("Reply", "Concern.ReplyRequired"));
        }
        if (ContactRules.CheckLength(reply, "Reply", ContactRules.MaxReply) is { } tooLong)
        {
            return Result<Guid>.Invalid(tooLong);
        }
        if (c.Version != concern.Version || concern.Status == ConcernStatus.Answered)
        {
            return Result<Guid>.Conflict(new FieldError("", "Concern.Changed"));
        }
        concern.HandledByUserId = userId;
        concern.HandledByName = await Records.SaveRecord.AuthorNameAsync(db, school, userId, ct);
        if (c.Answer)
        {
            concern.Status = ConcernStatus.Answered;
            concern.Reply = reply;
            concern.RepliedAt = clock.GetUtcNow().UtcDateTime;
            await mail.RepliedAsync(concern, ct);
            // The reply is what the concern's task asked for: it is done, by whoever answered.
            var key = FamilyReports.TaskKey(concern.Id);
            if (await db.Set<Tasks.StaffTask>().FirstOrDefaultAsync(t => t.SchoolId == school && t.Kind == Tasks.TaskKind.Concern
                                                                          && t.SourceKey == key && t.State != Tasks.TaskState.Done, ct) is { } task)
            {
                task.State = Tasks.TaskState.Done;
                task.DoneAt = concern.RepliedAt;
                task.DoneById = (await access.ProfileAsync(ct)).Staff.Where(x => x.SchoolId == school).Select(x => (Guid?)x.StaffMemberId).FirstOrDefault();
            }
        }
        else
        {
            concern.Status = ConcernStatus.BeingHandled;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague handled it at the same moment: theirs stands, and only one e-mail goes out.
            db.ChangeTracker.Clear();
            return Result<Guid>.Conflict(new FieldError("", "Concern.Changed"));
        }
        return concern.Id;
    }
}
