using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Records;

public sealed record SharedSummary(string Teacher, DateTime HeldAt, string Summary, Guid BookingId = default);

public sealed record SharedNote(string Text, string AuthorName, DateTime CreatedAt);

public sealed record SharedView(Guid StudentId, string StudentFirstName, IReadOnlyList<SharedSummary> Summaries, IReadOnlyList<SharedNote> Notes);

/// <summary>
/// What the school shares with a family about a child: notes shared with the family and the shared summaries of
/// its conversations (a parent: their own household's; the student: all of theirs). Never a staff-only or care note.
/// A parent without parental authority reads it only where the school allows conversation outcomes.
/// </summary>
public sealed class GetSharedWithFamily(AppDbContext db, Access access)
{
    public async Task<Result<SharedView>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        var link = profile.Children.GetValueOrDefault(studentId);
        // The conditional cell is the school's "conversation outcomes" allowance, asked the way every notice asks it.
        var allowed = AccessMatrix.Decide(Resource.SharedWithFamily, Act.View, relations) switch
        {
            Grant.Yes => true,
            Grant.IfSchoolAllows => link is not null && await FamilyContacts.MayBeToldAsync(db, link, LimitedGuardianAccess.ConversationOutcomes, ct),
            _ => false,
        };
        if (!allowed)
        {
            return Result<SharedView>.NotFound();
        }
        var isStudent = relations.Contains(Relation.Student);
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == studentId, ct);
        var household = isStudent ? null : link!.HouseholdId;
        var summaries = await db.ConversationRecords.AsNoTracking()
            .Where(r => r.StudentId == studentId && r.SharedSummary != null)
            .Join(db.Bookings, r => r.BookingId, b => b.Id, (r, b) => new { r.SharedSummary, b.StartsAt, b.StaffMemberId, b.HouseholdId, BookingId = b.Id })
            .Where(x => isStudent || x.HouseholdId == household)
            .Join(db.StaffMembers, x => x.StaffMemberId, m => m.Id,
                (x, m) => new { x.SharedSummary, x.StartsAt, x.BookingId, m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct);
        var notes = await db.StudentNotes.AsNoTracking()
            .Where(n => n.StudentId == studentId && n.Visibility == NoteVisibility.Family)
            .OrderByDescending(n => n.CreatedAt)
            .Select(n => new SharedNote(n.Text, n.AuthorName, n.CreatedAt))
            .ToListAsync(ct);
        return new SharedView(studentId, student.FirstName,
            summaries.OrderByDescending(x => x.StartsAt)
                .Select(x => new SharedSummary(PersonName.Format(x.FirstName, x.LastNamePrefix, x.LastName), x.StartsAt, x.SharedSummary!, x.BookingId)).ToList(),
            notes);
    }
}
