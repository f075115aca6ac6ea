using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Coverage;

/// <summary>A family of the group as its coverage page lists it.</summary>
public sealed record GroupCoverageFamily(string StudentName, CoverageFamily Family);

/// <summary>What the reader may do to follow up a family: each one an existing page, opened with the family chosen.</summary>
public sealed record FollowUps(bool BookFor, bool Letters, bool Invitations, bool MustSee, bool Call);

/// <summary>One group's year: every family with its state per kind of round, and those not reached for the chosen kind first.</summary>
public sealed record GroupCoverageView(Guid SchoolId, Guid GroupId, string GroupName, string? YearName, RoundKind Kind, bool MaySeeSchool,
    IReadOnlyList<CoverageRound> Rounds, IReadOnlyDictionary<RoundKind, StateCounts> Year, IReadOnlyList<CoverageLine> Languages,
    IReadOnlyList<GroupCoverageFamily> Families, FollowUps FollowUps);

/// <summary>
/// A group's coverage, for its group teacher or mentor (their own groups only), the care coordinator, leaders and
/// board admins. The follow-up links lead to pages that check the reader's rights again.
/// </summary>
public sealed class GetGroupCoverage(AppDbContext db, Access access)
{
    public async Task<Result<GroupCoverageView>> HandleAsync(Guid schoolId, Guid groupId, RoundKind? kind, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId && g.SchoolId == schoolId)
            .Select(g => new { g.Id, g.Name, g.SchoolYearId }).FirstOrDefaultAsync(ct);
        if (group is null || !await access.MayAsync(Resource.GroupCoverage, Act.View, Target.Group(groupId), ct))
        {
            return Result<GroupCoverageView>.NotFound();
        }
        var year = await db.SchoolYears.AsNoTracking().Where(y => y.Id == group.SchoolYearId).Select(y => y.Name).FirstOrDefaultAsync(ct);
        var facts = await CoverageFacts.LoadAsync(db, schoolId, group.SchoolYearId, groupId, ct);
        var chosen = GetSchoolCoverage.Chosen(kind, facts.Rounds);
        var studentIds = facts.Students.Select(s => s.StudentId).ToList();
        var names = (await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id))
            .Select(s => new { s.Id, s.FirstName, s.LastNamePrefix, s.LastName }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName));
        var families = facts.Families
            .Select(f => new GroupCoverageFamily(names.GetValueOrDefault(f.StudentId, ""), f))
            .OrderBy(f => f.Family.Kinds.TryGetValue(chosen, out var s) ? s.State : CoverageState.Came)
            .ThenBy(f => f.StudentName, StringComparer.CurrentCulture).ToList();
        var school = Target.School(schoolId);
        var followUps = new FollowUps(
            await access.MayAsync(Resource.Rounds, Act.Change, school, ct),
            await access.MayAsync(Resource.Letters, Act.View, Target.Group(groupId), ct),
            await access.MayAsync(Resource.RoundInvitations, Act.Change, school, ct),
            (await access.RelationsAsync(Target.Group(groupId), ct)).Overlaps([Relation.GroupTeacher, Relation.Mentor]),
            await access.MayAsync(Resource.GroupCoverage, Act.Change, Target.Group(groupId), ct));
        return new GroupCoverageView(schoolId, group.Id, group.Name, year, chosen,
            await access.MayAsync(Resource.CycleCoverage, Act.View, school, ct), facts.Rounds, GetSchoolCoverage.Year(facts.Families),
            GetSchoolCoverage.Languages(facts.Families, chosen), families, followUps);
    }
}
