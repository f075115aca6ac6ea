using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Tasks;

public sealed record StudentTaskList(Guid StudentId, string StudentName, IReadOnlyList<TaskLine> Tasks, bool OwnSubjectsOnly);

/// <summary>
/// The tasks about one student, open and done. The group's mentor and teacher and the school-wide roles read all of
/// them; a subject teacher only those of the subjects they teach the student's group (and any they own).
/// </summary>
public sealed class GetStudentTasks(AppDbContext db, Access access, GetStaffTasks lines, TimeProvider clock)
{
    private static readonly Relation[] SeeAll =
    [
        Relation.GroupTeacher, Relation.Mentor, Relation.CareCoordinator, Relation.YearCoordinator, Relation.DepartmentHead,
        Relation.SchoolLeader, Relation.Administrator,
    ];

    public async Task<Result<StudentTaskList>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.StudentTasks, Act.View, Target.Student(studentId), ct))
        {
            return Result<StudentTaskList>.NotFound();
        }
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.SchoolId, s.FirstName, s.LastNamePrefix, s.LastName }).SingleAsync(ct);
        var query = db.Set<StaffTask>().AsNoTracking().Where(t => t.StudentId == studentId);
        var ownSubjectsOnly = !relations.Overlaps(SeeAll);
        if (ownSubjectsOnly)
        {
            var profile = await access.ProfileAsync(ct);
            var mine = profile.Staff.Where(s => s.SchoolId == student.SchoolId).Select(s => s.StaffMemberId).Distinct().ToList();
            var groups = db.Enrollments.Where(e => e.StudentId == studentId).Select(e => e.GroupId);
            var subjects = (await db.StaffAssignments.AsNoTracking()
                    .Where(a => mine.Contains(a.StaffMemberId) && a.Role == StaffRole.SubjectTeacher && a.Subject != null && a.GroupId != null && groups.Contains(a.GroupId.Value))
                    .Select(a => a.Subject!).ToListAsync(ct))
                .Select(Staffing.SubjectKey).Distinct().ToList();
            query = query.Where(t => mine.Contains(t.OwnerId) || (t.Subject != null && subjects.Contains(t.Subject)));
        }
        var tasks = await query.OrderBy(t => t.State).ThenBy(t => t.DueOn).Take(500).ToListAsync(ct);
        return new StudentTaskList(studentId, PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName),
            await lines.LinesAsync(student.SchoolId, tasks, SchoolCalendar.Today(clock), ct), ownSubjectsOnly);
    }
}
