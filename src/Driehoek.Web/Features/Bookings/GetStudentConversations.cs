using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Bookings;

/// <summary>One conversation a student is part of: when, with whom, where (or the video link), and where to prepare.</summary>
public sealed record StudentConversation(
    Guid BookingId, Guid StudentId, string StudentFirstName, DateTime StartsAt, DateTime EndsAt, string Teacher, string RoundName,
    string SchoolName, MeetingMode Mode, string? Room, string? VideoLink, string PreparePath, ConversationForm Form = ConversationForm.TenMinute,
    bool Expected = true);

/// <summary>
/// The signed-in student's own conversations still to come, whichever parent booked them (each household's
/// booking is a conversation the student takes part in). Only the student's own records; never topics.
/// </summary>
public sealed class GetStudentConversations(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<IReadOnlyList<StudentConversation>> HandleAsync(CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var students = profile.OwnStudentIds.ToList();
        if (students.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => students.Contains(b.StudentId) && b.ActiveSlotId != null && b.EndsAt > now)
            .Join(db.Students, b => b.StudentId, s => s.Id, (b, s) => new { b, s.FirstName })
            .Join(db.StaffMembers, x => x.b.StaffMemberId, m => m.Id, (x, m) => new { x.b, x.FirstName, m })
            .Join(db.Rounds, x => x.b.RoundId, r => r.Id, (x, r) => new { x.b, x.FirstName, x.m, Round = r.Name, r.Form })
            .Join(db.Schools, x => x.b.SchoolId, s => s.Id, (x, s) => new
            {
                x.b.Id, x.b.StudentId, x.b.RoundId, x.FirstName, x.b.StartsAt, x.b.EndsAt, x.b.Mode, x.Round, x.Form, School = s.Name,
                TeacherFirst = x.m.FirstName, TeacherPrefix = x.m.LastNamePrefix, TeacherLast = x.m.LastName,
                Room = db.Slots.Where(sl => sl.Id == x.b.SlotId).Select(sl => sl.Room).FirstOrDefault(),
                Video = db.Slots.Where(sl => sl.Id == x.b.SlotId).Select(sl => sl.VideoLink).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // A three-way conversation the parents or the school hold without the student: not expected, nothing to prepare.
        var without = new HashSet<(Guid, Guid)>();
        foreach (var round in rows.Where(r => r.Form == ConversationForm.ThreeWay).GroupBy(r => r.RoundId))
        {
            var states = await TakingPart.StudentTakesPart.OfStudentsAsync(db, round.Key, round.Select(r => r.StudentId).ToList(), ct);
            without.UnionWith(states.Where(s => !s.Value.TakesPart).Select(s => (round.Key, s.Key)));
        }
        return rows.OrderBy(r => r.StartsAt).Select(r => new StudentConversation(r.Id, r.StudentId, r.FirstName, r.StartsAt, r.EndsAt,
                People.PersonName.Format(r.TeacherFirst, r.TeacherPrefix, r.TeacherLast), r.Round, r.School, r.Mode,
                r.Room, r.Mode == MeetingMode.Video ? r.Video : null, InvitationWording.PreparePath(r.RoundId, r.StudentId), r.Form,
                !without.Contains((r.RoundId, r.StudentId))))
            .ToList();
    }
}
