using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

public sealed record StudentTeacher(Guid StaffMemberId, string Name, StaffRole Role, string? Subject);

/// <summary>
/// The teachers a family can meet about a child in a round: the group teacher(s) or mentor(s) of the
/// child's group, and its subject teachers when the round allows them on request.
/// </summary>
public static class TeachersOfStudent
{
    public static async Task<Dictionary<Guid, List<StudentTeacher>>> ForRoundAsync(
        AppDbContext db, ConversationRound round, IReadOnlyCollection<Guid> studentIds, CancellationToken ct)
    {
        var rows = await db.Enrollments.AsNoTracking()
            .Where(e => studentIds.Contains(e.StudentId) && e.SchoolYearId == round.SchoolYearId)
            .Join(db.RoundGroups.Where(g => g.RoundId == round.Id), e => e.GroupId, g => g.GroupId, (e, g) => e)
            .Join(db.StaffAssignments, e => e.GroupId, a => a.GroupId, (e, a) => new { e.StudentId, a.StaffMemberId, a.Role, a.Subject })
            .Join(db.StaffMembers, x => x.StaffMemberId, m => m.Id,
                (x, m) => new { x.StudentId, x.StaffMemberId, x.Role, x.Subject, m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct);
        var mainTeachers = round.Participants.HasFlag(Participants.GroupTeacherOrMentor);
        var subjects = round.Participants.HasFlag(Participants.SubjectTeachersOnRequest);
        return rows
            .Where(r => (mainTeachers && r.Role is StaffRole.GroupTeacher or StaffRole.Mentor)
                        || (subjects && r.Role == StaffRole.SubjectTeacher))
            .GroupBy(r => r.StudentId)
            .ToDictionary(g => g.Key, g => g
                .GroupBy(r => r.StaffMemberId)
                .Select(t => t.OrderBy(r => r.Role).First())
                .OrderBy(t => t.Role).ThenBy(t => t.Subject)
                .Select(t => new StudentTeacher(t.StaffMemberId, PersonName.Format(t.FirstName, t.LastNamePrefix, t.LastName), t.Role, t.Subject))
                .ToList());
    }
}
