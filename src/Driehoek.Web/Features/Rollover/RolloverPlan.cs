using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Rollover;

/// <summary>The leader's choice for one group: its name next year, whether its students leave, whether its teachers go along.</summary>
public sealed record GroupChoice(Guid GroupId, string? NewName, bool Leaves, bool CarryTeachers);

/// <summary>One group of the year that ends and what the rollover does with it.</summary>
public sealed record PlannedGroup(Guid GroupId, string Name, int? Level, int Students, IReadOnlyList<string> Leads,
    bool Leaves, string NewName, int? NewLevel, bool CarryTeachers);

public sealed record EnrolledStudent(Guid StudentId, Guid GroupId, string Name);

public sealed record GroupLead(Guid StaffMemberId, StaffRole Role, Guid GroupId, string Name);

/// <summary>
/// What a school has in the year that ends, read once: its groups, who is in them, who leads them. The stamp is a
/// fingerprint of all of it: a confirmation made on an older preview (an import ran meanwhile) is refused.
/// </summary>
public sealed record YearContents(IReadOnlyList<Group> Groups, IReadOnlyList<EnrolledStudent> Students, IReadOnlyList<GroupLead> Leads, string Stamp)
{
    public static async Task<YearContents> LoadAsync(AppDbContext db, SchoolYear from, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolYearId == from.Id).ToListAsync(ct);
        var students = (await db.Enrollments.AsNoTracking().Where(e => e.SchoolYearId == from.Id)
                .Join(db.Students, e => e.StudentId, s => s.Id, (e, s) => new { e.StudentId, e.GroupId, s.FirstName, s.LastNamePrefix, s.LastName })
                .ToListAsync(ct))
            .Select(s => new EnrolledStudent(s.StudentId, s.GroupId, PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName)))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        var leads = (await db.StaffAssignments.AsNoTracking()
                .Where(a => a.SchoolId == from.SchoolId && a.GroupId != null && (a.Role == StaffRole.GroupTeacher || a.Role == StaffRole.Mentor)
                            && db.Groups.Any(g => g.Id == a.GroupId && g.SchoolYearId == from.Id))
                .Join(db.StaffMembers, a => a.StaffMemberId, m => m.Id, (a, m) => new { a.StaffMemberId, a.Role, a.GroupId, m.FirstName, m.LastNamePrefix, m.LastName })
                .ToListAsync(ct))
            .Select(a => new GroupLead(a.StaffMemberId, a.Role, a.GroupId!.Value, PersonName.Format(a.FirstName, a.LastNamePrefix, a.LastName)))
            .Distinct().OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
        return new YearContents(
            groups.OrderBy(g => GroupNames.LevelOf(g.Name, g.Level) ?? int.MaxValue).ThenBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            students, leads, StampOf(from, groups, students, leads));
    }

    private static string StampOf(SchoolYear from, IEnumerable<Group> groups, IEnumerable<EnrolledStudent> students, IEnumerable<GroupLead> leads)
    {
        var text = new StringBuilder(from.Id.ToString());
        foreach (var g in groups.OrderBy(g => g.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"|g{g.Id}:{g.Name}:{g.Level}");
        }
        foreach (var s in students.OrderBy(s => s.StudentId))
        {
            text.Append(CultureInfo.InvariantCulture, $"|s{s.StudentId}:{s.GroupId}");
        }
        foreach (var l in leads.OrderBy(l => l.GroupId).ThenBy(l => l.StaffMemberId).ThenBy(l => l.Role))
        {
            text.Append(CultureInfo.InvariantCulture, $"|l{l.StaffMemberId}:{l.Role}:{l.GroupId}");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
    }

    /// <summary>
    /// The final level by default: 8 in primary; in secondary the highest level present (a school with several tracks
    /// marks the groups of a shorter track as leaving in the preview).
    /// </summary>
    public int DefaultFinalLevel(SchoolKind kind) =>
        kind == SchoolKind.Primary ? 8 : Groups.Select(g => GroupNames.LevelOf(g.Name, g.Level)).Max() ?? 6;

    /// <summary>The plan for these choices; a group the form did not mention gets the defaults of the final level.</summary>
    public IReadOnlyList<PlannedGroup> Plan(int finalLevel, IReadOnlyList<GroupChoice>? choices)
    {
        var byGroup = Students.GroupBy(s => s.GroupId).ToDictionary(g => g.Key, g => g.Count());
        var leadsOf = Leads.ToLookup(l => l.GroupId);
        return Groups.Select(g =>
        {
            var level = GroupNames.LevelOf(g.Name, g.Level);
            var choice = choices?.FirstOrDefault(c => c.GroupId == g.Id);
            var name = choice?.NewName?.Trim() is { Length: > 0 } chosen ? chosen : GroupNames.Next(g.Name, level);
            return new PlannedGroup(g.Id, g.Name, level, byGroup.GetValueOrDefault(g.Id), leadsOf[g.Id].Select(l => l.Name).Distinct().ToList(),
                choice?.Leaves ?? level >= finalLevel, name, level + 1, choice?.CarryTeachers ?? true);
        }).ToList();
    }

    /// <summary>Names too long for a group; two groups given the same name become one group next year.</summary>
    public static IReadOnlyList<FieldError> Check(IReadOnlyList<PlannedGroup> plan)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < plan.Count; i++)
        {
            if (!plan[i].Leaves && plan[i].NewName.Length > MaxGroupName)
            {
                errors.Add(new FieldError($"groups[{i}].newName", "Rollover.NameTooLong", plan[i].Name, MaxGroupName));
            }
        }
        if (plan.All(p => p.Leaves))
        {
            errors.Add(new FieldError("", "Rollover.NothingCarried"));
        }
        return errors;
    }

    public const int MaxGroupName = 40;
}

/// <summary>The counts the preview and the result show.</summary>
public sealed record RolloverTotals(int Groups, int Students, int Leavers, int Staff)
{
    public static RolloverTotals Of(IReadOnlyList<PlannedGroup> plan, YearContents contents)
    {
        var carried = plan.Where(p => !p.Leaves).ToList();
        var staff = contents.Leads.Where(l => carried.Any(p => p.GroupId == l.GroupId && p.CarryTeachers))
            .Select(l => (l.StaffMemberId, l.Role, carried.First(p => p.GroupId == l.GroupId).NewName.ToUpperInvariant())).Distinct().Count();
        return new RolloverTotals(carried.Select(p => p.NewName.ToUpperInvariant()).Distinct().Count(), carried.Sum(p => p.Students),
            plan.Where(p => p.Leaves).Sum(p => p.Students), staff);
    }
}
