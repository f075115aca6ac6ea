using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Tasks;

/// <summary>
/// Who answers for whom at a school this year, loaded once for a rule's pass: each student's group, each group's
/// mentor or group teacher, its subject teachers by subject, and who a task is handed up to when it is overdue.
/// </summary>
public sealed class Staffing
{
    private readonly Dictionary<Guid, Guid> _groupOf;
    private readonly Dictionary<Guid, (int? Level, Guid? Mentor, Guid? Teacher)> _groups;
    private readonly Dictionary<(Guid Group, string Subject), Guid> _subjectTeachers;
    private readonly List<StaffAssignment> _schoolWide;

    private Staffing(Dictionary<Guid, Guid> groupOf, Dictionary<Guid, (int?, Guid?, Guid?)> groups,
        Dictionary<(Guid, string), Guid> subjectTeachers, List<StaffAssignment> schoolWide)
    {
        _groupOf = groupOf;
        _groups = groups;
        _subjectTeachers = subjectTeachers;
        _schoolWide = schoolWide;
    }

    public SchoolYear? Year { get; private init; }

    public IEnumerable<Guid> Students => _groupOf.Keys;

    public IEnumerable<Guid> Groups => _groups.Keys;

    public static async Task<Staffing> LoadAsync(AppDbContext db, Guid schoolId, DateOnly today, CancellationToken ct)
    {
        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, today, ct);
        var yearId = year?.Id ?? Guid.Empty;
        var groupOf = await db.Enrollments.AsNoTracking().Where(e => e.SchoolId == schoolId && e.SchoolYearId == yearId)
            .Select(e => new { e.StudentId, e.GroupId }).ToDictionaryAsync(e => e.StudentId, e => e.GroupId, ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearId == yearId)
            .Select(g => new { g.Id, g.Level }).ToListAsync(ct);
        var assignments = await db.StaffAssignments.AsNoTracking().Where(a => a.SchoolId == schoolId).OrderBy(a => a.Id).ToListAsync(ct);
        Guid? First(Guid group, StaffRole role) => assignments.FirstOrDefault(a => a.GroupId == group && a.Role == role)?.StaffMemberId;
        var subjectTeachers = new Dictionary<(Guid, string), Guid>();
        foreach (var a in assignments.Where(x => x.Role == StaffRole.SubjectTeacher && x.GroupId is not null && x.Subject is not null))
        {
            subjectTeachers.TryAdd((a.GroupId!.Value, SubjectKey(a.Subject!)), a.StaffMemberId);
        }
        return new Staffing(groupOf, groups.ToDictionary(g => g.Id, g => (g.Level, First(g.Id, StaffRole.Mentor), First(g.Id, StaffRole.GroupTeacher))),
            subjectTeachers, assignments.Where(a => a.GroupId is null).ToList()) { Year = year };
    }

    /// <summary>Subjects are matched without case or surrounding spaces: "WI" in the grades is "wi" in the roster.</summary>
    public static string SubjectKey(string subject) => subject.Trim().ToLowerInvariant();

    public Guid? GroupOf(Guid studentId) => _groupOf.TryGetValue(studentId, out var g) ? g : null;

    public Guid? MentorOf(Guid groupId) => _groups.TryGetValue(groupId, out var g) ? g.Mentor : null;

    /// <summary>The group's mentor, else its group teacher.</summary>
    public Guid? LeadOf(Guid groupId) => _groups.TryGetValue(groupId, out var g) ? g.Mentor ?? g.Teacher : null;

    public Guid? SubjectTeacherOf(Guid groupId, string subject) =>
        _subjectTeachers.TryGetValue((groupId, SubjectKey(subject)), out var id) ? id : null;

    /// <summary>Who an overdue task about this group goes up to: its level's year coordinator, else department head, else a school leader.</summary>
    public Guid? EscalationFor(Guid? groupId)
    {
        int? level = groupId is { } g && _groups.TryGetValue(g, out var facts) ? facts.Level : null;
        foreach (var role in new[] { StaffRole.YearCoordinator, StaffRole.DepartmentHead, StaffRole.SchoolLeader })
        {
            var match = _schoolWide.Where(a => a.Role == role && (a.Level is null || a.Level == level))
                .OrderByDescending(a => a.Level is not null).FirstOrDefault();
            if (match is not null)
            {
                return match.StaffMemberId;
            }
        }
        return null;
    }
}
