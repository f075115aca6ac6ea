using Driehoek.Web.Features.Agreements;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Records;

namespace Driehoek.Web.Features.Timeline;

/// <summary>
/// A student's timeline for the staff who follow the student: the mentor or group teacher, the care coordinator and
/// the school's leaders. Each kind comes from the handler of its own page, so it holds that page's rule: care notes
/// only for those who read them, every staff-only or care note read is in the audit log, agreements read as a read
/// of the student's agreements. Only the kinds the filter asks for are read.
/// </summary>
public sealed class GetStaffTimeline(AppDbContext db, Access access, GetStudentNotes notes, GetAgreements agreements, Handover.GetHandovers handovers)
{
    private static readonly TimelineKind[] Kinds = [TimelineKind.Conversation, TimelineKind.Planned, TimelineKind.Agreement, TimelineKind.Note, TimelineKind.Handover];

    public async Task<Result<TimelineView>> HandleAsync(Guid studentId, TimelineKind? kind, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        var name = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => new { s.FirstName, s.LastNamePrefix, s.LastName, s.SchoolId })
            .FirstOrDefaultAsync(ct);
        if (name is null || !await access.PermitsAsync(Resource.StudentTimeline, Act.View, relations, name.SchoolId, ct))
        {
            return Result<TimelineView>.NotFound();
        }
        var items = new List<TimelineItem>();
        if (TimelineParts.Wants(kind, TimelineKind.Conversation))
        {
            // As the round overview shows a group's staff who booked and came: round, teacher, time, outcome.
            items.AddRange(await TimelineParts.BookingsAsync(db, db.Bookings.Where(b => b.StudentId == studentId), ct));
        }
        if (TimelineParts.Wants(kind, TimelineKind.Planned) && await access.PermitsAsync(Resource.PlannedConversations, Act.View, relations, name.SchoolId, ct))
        {
            items.AddRange(TimelineParts.Planned(
                await ConversationReader.ConversationsAsync(db, db.PlannedConversations.Where(c => c.StudentId == studentId), staff: false, ct)));
        }
        if (TimelineParts.Wants(kind, TimelineKind.Agreement) && await agreements.ForStaffAsync(studentId, ct) is { Ok: true } kept)
        {
            items.AddRange(TimelineParts.Agreements(kept.Value!.Agreements));
        }
        if (TimelineParts.Wants(kind, TimelineKind.Note) && await notes.HandleAsync(studentId, ct) is { Ok: true } written)
        {
            items.AddRange(written.Value!.Notes.Select(n =>
                new TimelineItem(TimelineKind.Note, n.CreatedAt, n.Text, null, "Note." + n.Visibility, n.AuthorName, n.Visibility)));
        }
        if (TimelineParts.Wants(kind, TimelineKind.Handover))
        {
            items.AddRange(TimelineParts.Handovers(await handovers.ForStaffAsync(studentId, relations, ct),
                h => Handover.StaffModel.Path(h.StudentId, h.YearId)));
        }
        return new TimelineView(studentId, People.PersonName.Format(name.FirstName, name.LastNamePrefix, name.LastName), kind, Kinds,
            TimelineParts.ByYear(items));
    }
}
