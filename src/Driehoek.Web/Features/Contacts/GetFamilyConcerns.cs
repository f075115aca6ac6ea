namespace Driehoek.Web.Features.Contacts;

public sealed record FamilyConcernView(Guid Id, ConcernSituation Situation, ContactArea Area, string? Text, DateTime CreatedAt, ConcernStatus Status,
    string? Reply, string? RepliedBy, DateTime? RepliedAt);

public sealed record FamilyNewsView(Guid Id, FamilyNewsKind Kind, string? Text, DateTime At);

public sealed record FamilyConcernsView(Guid StudentId, string StudentFirstName, bool IsStudent, IReadOnlyList<FamilyConcernView> Concerns,
    IReadOnlyList<FamilyNewsView> News);

/// <summary>
/// A child's concerns and news as the family reads them: each person sees what they raised or told themselves, with the
/// status and the school's reply (a student's concern is not shown to their parents, nor a parent's to the other household).
/// </summary>
public sealed class GetFamilyConcerns(AppDbContext db, Access access)
{
    private const int MaxShown = 100;

    public async Task<Result<FamilyConcernsView>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => new { s.SchoolId, s.FirstName }).FirstOrDefaultAsync(ct);
        if (student is null || access.UserId is not { } userId || !await access.PermitsAsync(Resource.FamilyConcerns, Act.View, relations, student.SchoolId, ct))
        {
            return Result<FamilyConcernsView>.NotFound();
        }
        var concerns = await db.Concerns.AsNoTracking().Where(c => c.StudentId == studentId && c.RaisedByUserId == userId)
            .OrderByDescending(c => c.CreatedAt).Take(MaxShown)
            .Select(c => new FamilyConcernView(c.Id, c.Situation, c.Area, c.Text, c.CreatedAt, c.Status,
                c.Status == ConcernStatus.Answered ? c.Reply : null, c.HandledByName, c.RepliedAt))
            .ToListAsync(ct);
        var news = await db.ContactEntries.AsNoTracking()
            .Where(e => e.StudentId == studentId && e.LoggedByUserId == userId && e.Channel == ContactChannel.FamilyNews)
            .OrderByDescending(e => e.At).Take(MaxShown)
            .Select(e => new FamilyNewsView(e.Id, e.NewsKind ?? FamilyNewsKind.Other, e.Summary, e.At)).ToListAsync(ct);
        return new FamilyConcernsView(studentId, student.FirstName, ContactReaders.AsStudent(relations), concerns, news);
    }
}
