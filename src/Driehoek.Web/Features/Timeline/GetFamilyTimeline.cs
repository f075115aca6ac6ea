using Driehoek.Web.Features.Agreements;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Records;

namespace Driehoek.Web.Features.Timeline;

/// <summary>
/// A child's timeline as the family reads it. Each kind comes from the rule (and mostly the handler) of its own family
/// page: a parent sees their own household's bookings, the invitations to conversations outside the rounds, the
/// agreements, and the notes and summaries shared with the family; the student their own conversations and what is
/// shared with them. A parent without parental authority sees only the kinds the school's settings open to them, and
/// nothing at all where none is open. Never a staff-only or care note, never a staff note on a conversation.
/// </summary>
public sealed class GetFamilyTimeline(
    AppDbContext db, Access access, GetFamilyConversations conversations, GetAgreements agreements, GetSharedWithFamily shared,
    Handover.GetHandovers handovers)
{
    public async Task<Result<TimelineView>> HandleAsync(Guid studentId, TimelineKind? kind, CancellationToken ct)
    {
        var student = Target.Student(studentId);
        var relations = await access.RelationsAsync(student, ct);
        if (AccessMatrix.Decide(Resource.FamilyTimeline, Act.View, relations) == Grant.No)
        {
            return Result<TimelineView>.NotFound();
        }
        var child = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => new { s.FirstName, s.SchoolId }).SingleAsync(ct);
        var parent = (await access.ProfileAsync(ct)).Children.GetValueOrDefault(studentId);
        var kinds = new List<TimelineKind>();
        var items = new List<TimelineItem>();

        // Round conversations: a parent their own household's (separated parents each their own), the student their own.
        var bookings = parent is not null
            ? await access.PermitsAsync(Resource.FamilyBooking, Act.View, relations, child.SchoolId, ct)
                ? db.Bookings.Where(b => b.StudentId == studentId && b.HouseholdId == parent.HouseholdId) : null
            : relations.Contains(Relation.Student)
                ? db.Bookings.Where(b => b.StudentId == studentId && b.Status != Bookings.BookingStatus.Cancelled) : null;
        var sharedView = await shared.HandleAsync(studentId, ct);
        var summaries = sharedView.Ok ? sharedView.Value!.Summaries : [];
        if (bookings is not null || summaries.Count > 0)
        {
            kinds.Add(TimelineKind.Conversation);
        }
        if (TimelineParts.Wants(kind, TimelineKind.Conversation))
        {
            var booked = bookings is null ? [] : await TimelineParts.BookingsAsync(db, bookings, ct);
            var byBooking = summaries.ToDictionary(s => s.BookingId, s => s.Summary);
            items.AddRange(booked.Select(b => b with { Summary = byBooking.GetValueOrDefault(b.BookingId!.Value) }));
            // A summary shared with a parent who is not told of the rounds themselves: the conversation by its teacher and date.
            var shown = booked.Select(b => b.BookingId).ToHashSet();
            items.AddRange(summaries.Where(s => !shown.Contains(s.BookingId))
                .Select(s => new TimelineItem(TimelineKind.Conversation, s.HeldAt, "", null, "Status.Held", s.Teacher, Summary: s.Summary)));
        }

        if (await access.PermitsAsync(Resource.FamilyConversations, Act.View, relations, child.SchoolId, ct))
        {
            kinds.Add(TimelineKind.Planned);
            if (TimelineParts.Wants(kind, TimelineKind.Planned) && await conversations.HandleAsync(studentId, ct) is { Ok: true } planned)
            {
                items.AddRange(TimelineParts.Planned(planned.Value!.Conversations));
            }
        }

        if (await agreements.ForFamilyAsync(studentId, ct) is { Ok: true, Value.SeesAgreements: true } agreed)
        {
            kinds.Add(TimelineKind.Agreement);
            if (TimelineParts.Wants(kind, TimelineKind.Agreement))
            {
                items.AddRange(TimelineParts.Agreements(agreed.Value.Agreements));
            }
        }

        if (sharedView.Ok)
        {
            kinds.Add(TimelineKind.Note);
            if (TimelineParts.Wants(kind, TimelineKind.Note))
            {
                items.AddRange(sharedView.Value!.Notes.Select(n =>
                    new TimelineItem(TimelineKind.Note, n.CreatedAt, n.Text, null, "Note.Family", n.AuthorName)));
            }
        }

        if (await handovers.ForFamilyAsync(studentId, relations, ct) is { } handedOver)
        {
            kinds.Add(TimelineKind.Handover);
            if (TimelineParts.Wants(kind, TimelineKind.Handover))
            {
                items.AddRange(TimelineParts.Handovers(handedOver, h => $"/children/{h.StudentId}/handover"));
            }
        }

        if (kinds.Count == 0)
        {
            return Result<TimelineView>.NotFound();
        }
        return new TimelineView(studentId, child.FirstName, kind, kinds, TimelineParts.ByYear(items));
    }
}
