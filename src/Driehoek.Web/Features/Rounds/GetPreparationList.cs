using System.Linq.Expressions;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Rounds;

public sealed record PreparationRow(Guid StudentId, string Name, string Group, int Households, int ParentsPrepared, bool StudentPrepared, bool OwnPrepared);

public sealed record PreparationList(ConversationRound Round, ListPage List, IReadOnlyList<PreparationRow> Rows);

/// <summary>
/// For a teacher: the students of their groups in a round, one group or search and one page at a time, and
/// who has prepared (parents, student, the teacher).
/// </summary>
public sealed class GetPreparationList(AppDbContext db, Access access)
{
    public async Task<Result<PreparationList>> HandleAsync(Guid roundId, StudentListFilter filter, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var listed = round is null ? null : await StudentListing.PageAsync(db, access, round, Resource.Preparations, filter,
            await NeedToKnowAsync(round, ct), ct);
        if (round is null || listed is null)
        {
            return Result<PreparationList>.NotFound();
        }
        var profile = await access.ProfileAsync(ct);
        var own = profile.Staff.FirstOrDefault(s => s.SchoolId == round.SchoolId)?.StaffMemberId;
        var ids = listed.Students.Select(s => s.Id).Distinct().ToList();
        var done = (await db.Preparations.AsNoTracking().Where(p => p.RoundId == roundId && ids.Contains(p.StudentId))
                .Select(p => new { p.StudentId, p.Party, p.StaffMemberId, p.Answers }).ToListAsync(ct))
            .Where(p => PreparationAnswers.HasContent(p.Answers)).ToLookup(p => p.StudentId);
        var households = (await db.Guardianships.AsNoTracking().Where(x => ids.Contains(x.StudentId))
                .Join(db.Guardians.Where(g => g.HouseholdId != null), x => x.GuardianId, g => g.Id, (x, g) => new { x.StudentId, g.HouseholdId })
                .Distinct().ToListAsync(ct))
            .ToLookup(h => h.StudentId);
        var rows = listed.Students.Select(s => new PreparationRow(s.Id, s.Name, s.GroupName, households[s.Id].Count(),
                done[s.Id].Count(p => p.Party == PreparationParty.Parent),
                done[s.Id].Any(p => p.Party == PreparationParty.Student),
                own is not null && done[s.Id].Any(p => p.Party == PreparationParty.Teacher && p.StaffMemberId == own)))
            .ToList();
        return new PreparationList(round, listed.List, rows);
    }

    /// <summary>
    /// A subject teacher sees the families who chose to meet them; the group's own teacher or mentor and
    /// whoever reads every preparation of the school see all. Null: no narrowing.
    /// </summary>
    private async Task<Expression<Func<Enrollment, bool>>?> NeedToKnowAsync(ConversationRound round, CancellationToken ct)
    {
        if (await access.MayAsync(Resource.StaffPreparation, Act.View, Target.School(round.SchoolId), ct))
        {
            return null;
        }
        var profile = await access.ProfileAsync(ct);
        var own = profile.Staff.FirstOrDefault(s => s.SchoolId == round.SchoolId)?.StaffMemberId;
        var leads = profile.LeadsGroupIds.ToList();
        var met = own is { } me ? await PreparationAccess.MetBy(db, round.Id, me).Distinct().ToListAsync(ct) : [];
        return e => leads.Contains(e.GroupId) || met.Contains(e.StudentId);
    }
}
