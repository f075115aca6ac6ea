using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.FollowThrough;

/// <summary>
/// The whole overview of every group one may see, for a download rather than a page: the students in one
/// query, their facts in batches (each a few set-based queries), never a query per group or student.
/// </summary>
public sealed class ExportRoundOverview(AppDbContext db, Access access)
{
    private const int Batch = 500;

    public async Task<Result<RoundExport>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var round = await RoundAccess.VisibleToStaffAsync(db, access, roundId, ct);
        var groups = round is null ? [] : await PreparationAccess.StaffGroupsAsync(db, access, round, Resource.RoundOverview, ct);
        if (round is null || groups.Count == 0)
        {
            return Result<RoundExport>.NotFound();
        }
        var ids = groups.Select(g => g.Id).ToList();
        var rank = groups.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var students = (await db.Enrollments.AsNoTracking().Where(e => ids.Contains(e.GroupId))
                .Join(db.Students, e => e.StudentId, s => s.Id, (e, s) => new { s.Id, e.GroupId, s.FirstName, s.LastNamePrefix, s.LastName })
                .ToListAsync(ct))
            .OrderBy(s => rank[s.GroupId]).ThenBy(s => s.LastName, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.FirstName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var rows = new List<(Guid GroupId, OverviewStudent Student)>(students.Count);
        foreach (var batch in students.Chunk(Batch))
        {
            var facts = await OverviewFacts.LoadAsync(db, round, batch.Select(s => s.Id).Distinct().ToList(), ct);
            rows.AddRange(batch.Select(s => (s.GroupId,
                new OverviewStudent(s.Id, PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName), OverviewFacts.Families(s.Id, facts)))));
        }
        var names = groups.ToDictionary(g => g.Id, g => g.Name);
        return new RoundExport(round.Name, rows.Select(r => (names[r.GroupId], r.Student)).ToList());
    }
}

public sealed record RoundExport(string RoundName, IReadOnlyList<(string Group, OverviewStudent Student)> Rows);
