using System.Linq.Expressions;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Rounds;

/// <summary>What a staff list of a round shows: one group, or a name search (in that group or in all one may see), one page.</summary>
public sealed record StudentListFilter(Guid? GroupId = null, string? Search = null, int Page = 1, int PageSize = StudentListFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
}

/// <summary>A group one may pick, with how many students it has.</summary>
public sealed record ListGroup(Guid Id, string Name, int Students);

/// <summary>
/// Where a list stands: the groups one may pick, the group and search shown, the page and how many students
/// match in all. <see cref="Chosen"/> is false when a person with several groups has not picked one yet.
/// </summary>
public sealed record ListPage(IReadOnlyList<ListGroup> Groups, Guid? GroupId, string? Search, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Chosen => GroupId is not null || Search is not null;
    public int First => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int Last => Math.Min(Total, Page * PageSize);
}

public sealed record ListedStudent(Guid Id, Guid GroupId, string GroupName, string Name);

public sealed record StudentPage(ListPage List, IReadOnlyList<ListedStudent> Students);

/// <summary>
/// The one way the round's staff lists (overview, preparations, letters) pick their students: only the
/// groups the access matrix lets this person see for the resource, one group or a search at a time, one
/// page of students loaded. A teacher lands on their own group; someone with several groups picks one.
/// A group that is not theirs is not found, like one that does not exist.
/// </summary>
public static class StudentListing
{
    private const int MaxSearchTerms = 4;

    /// <param name="where">Narrows the enrollments further (only invited students, only families who met this teacher).</param>
    public static async Task<StudentPage?> PageAsync(AppDbContext db, Access access, ConversationRound round, Resource resource,
        StudentListFilter filter, Expression<Func<Enrollment, bool>>? where, CancellationToken ct)
    {
        var groups = await PreparationAccess.StaffGroupsAsync(db, access, round, resource, ct);
        if (groups.Count == 0 || (filter.GroupId is { } asked && groups.All(g => g.Id != asked)))
        {
            return null;
        }
        var visible = groups.Select(g => g.Id).ToList();
        var sizes = await db.Enrollments.AsNoTracking().Where(e => visible.Contains(e.GroupId))
            .GroupBy(e => e.GroupId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var choices = groups.Select(g => new ListGroup(g.Id, g.Name, sizes.GetValueOrDefault(g.Id))).ToList();
        var search = Normalize(filter.Search);
        var groupId = filter.GroupId ?? (search is null ? await DefaultGroupAsync(access, visible, ct) : null);
        var size = Math.Clamp(filter.PageSize, 1, StudentListFilter.MaxPageSize);
        if (groupId is null && search is null)
        {
            return new StudentPage(new ListPage(choices, null, null, 1, size, 0), []);
        }

        var shown = groupId is { } one ? [one] : visible;
        var enrollments = db.Enrollments.AsNoTracking().Where(e => shown.Contains(e.GroupId));
        if (where is not null)
        {
            enrollments = enrollments.Where(where);
        }
        var rows = from e in enrollments
                   join s in db.Students on e.StudentId equals s.Id
                   join g in db.Groups on e.GroupId equals g.Id
                   // An anonymous type, not a record: EF sorts and filters on its members in SQL.
                   select new { s.Id, GroupId = g.Id, g.Level, GroupName = g.Name, First = s.FirstName, Prefix = s.LastNamePrefix, Last = s.LastName };
        foreach (var term in search?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxSearchTerms) ?? [])
        {
            rows = rows.Where(r => r.First.ToLower().Contains(term) || r.Last.ToLower().Contains(term)
                                   || (r.Prefix != null && r.Prefix.ToLower().Contains(term)));
        }
        var total = await rows.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + size - 1) / size));
        var students = await rows.OrderBy(r => r.Level).ThenBy(r => r.GroupName).ThenBy(r => r.Last).ThenBy(r => r.First).ThenBy(r => r.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new StudentPage(new ListPage(choices, groupId, search, page, size, total),
            students.Select(s => new ListedStudent(s.Id, s.GroupId, s.GroupName, PersonName.Format(s.First, s.Prefix, s.Last))).ToList());
    }

    private static string? Normalize(string? search) =>
        string.IsNullOrWhiteSpace(search) ? null : search.Trim()[..Math.Min(search.Trim().Length, 100)].ToLowerInvariant();

    /// <summary>The person's own group (one they lead first, else one they teach), or the only group there is.</summary>
    private static async Task<Guid?> DefaultGroupAsync(Access access, List<Guid> visible, CancellationToken ct)
    {
        if (visible.Count == 1)
        {
            return visible[0];
        }
        var profile = await access.ProfileAsync(ct);
        return visible.Where(profile.LeadsGroup).Concat(visible.Where(g => profile.Staff.Any(s => s.GroupId == g)))
            .Select(g => (Guid?)g).FirstOrDefault();
    }
}
