using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Home;

public sealed record HomeLink(string Kind, string Url, string Label);

public sealed record TeacherGroup(Guid GroupId, string GroupName, string SchoolName, StaffRole Role, string? Subject, int Students);

public sealed record MyHome(
    string DisplayName,
    IReadOnlyList<ChildView> Children,
    IReadOnlyList<ChildView> OwnStudentRecords,
    IReadOnlyList<TeacherGroup> Groups,
    IReadOnlyList<HomeLink> Homes,
    IReadOnlyList<AgendaItem> ComingUp);

/// <summary>Everything the home pages show, for whichever roles the signed-in person has.</summary>
public sealed class GetMyHome(AppDbContext db, Access access, TimeProvider clock, IEnumerable<IAgendaSource> agenda)
{
    public async Task<MyHome> HandleAsync(CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == profile.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var children = await GetChild.LoadAsync(db, clock, profile.Children.Keys.ToList(), profile, ct);
        var own = await GetChild.LoadAsync(db, clock, profile.OwnStudentIds.ToList(), profile, ct);
        var groups = await TeacherGroupsAsync(profile, ct);

        var homes = new List<HomeLink>();
        if (children.Count > 0)
        {
            homes.Add(new HomeLink("parent", "/parent", ""));
        }
        if (own.Count > 0)
        {
            homes.Add(new HomeLink("student", "/student", ""));
        }
        if (groups.Count > 0)
        {
            homes.Add(new HomeLink("teacher", "/teacher", ""));
        }
        var wideSchools = profile.Staff.Where(s => s.GroupId is null).Select(s => s.SchoolId).Distinct().ToList();
        homes.AddRange(await db.Schools.AsNoTracking().Where(s => wideSchools.Contains(s.Id)).OrderBy(s => s.Name)
            .Select(s => new HomeLink("school", "/school/" + s.Id, s.Name)).ToListAsync(ct));
        homes.AddRange(await db.Boards.AsNoTracking().Where(b => profile.AdminBoardIds.Contains(b.Id)).OrderBy(b => b.Name)
            .Select(b => new HomeLink("board", "/board/" + b.Id, b.Name)).ToListAsync(ct));

        var coming = new List<AgendaItem>();
        foreach (var source in agenda)
        {
            coming.AddRange(await source.ForUserAsync(profile, ct));
        }
        return new MyHome(name, children, own, groups, homes, coming.OrderBy(i => i.StartsAtUtc).ToList());
    }

    private async Task<List<TeacherGroup>> TeacherGroupsAsync(AccessProfile profile, CancellationToken ct)
    {
        var links = profile.Staff.Where(s => s.GroupId is not null).ToList();
        if (links.Count == 0)
        {
            return [];
        }
        var groupIds = links.Select(l => l.GroupId!.Value).Distinct().ToList();
        var today = SchoolCalendar.Today(clock);
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Join(db.SchoolYears, g => g.SchoolYearId, y => y.Id, (g, y) => new { g, y })
            .Join(db.Schools, x => x.g.SchoolId, s => s.Id, (x, s) => new
            {
                x.g.Id, x.g.Name, x.g.Level, x.y.StartsOn, x.y.EndsOn, SchoolName = s.Name,
                Students = db.Enrollments.Count(e => e.GroupId == x.g.Id),
            })
            .ToListAsync(ct);
        // Only this year's groups; last year's stay reachable from the school pages.
        var current = groups.Where(g => g.StartsOn <= today && today <= g.EndsOn).ToList();
        if (current.Count == 0)
        {
            current = groups;
        }
        var staffIds = profile.Staff.Select(s => s.StaffMemberId).Distinct().ToList();
        var assignments = await db.StaffAssignments.AsNoTracking()
            .Where(a => groupIds.Contains(a.GroupId!.Value) && staffIds.Contains(a.StaffMemberId))
            .ToListAsync(ct);
        return assignments
            .Join(current, a => a.GroupId, g => g.Id, (a, g) => new TeacherGroup(g.Id, g.Name, g.SchoolName, a.Role, a.Subject, g.Students))
            .OrderBy(t => t.SchoolName).ThenBy(t => t.Role).ThenBy(t => t.GroupName, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Subject)
            .ToList();
    }
}
