using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Rounds;

public sealed record PreparationRow(Guid StudentId, string Name, string Group, int Households, int ParentsPrepared, bool StudentPrepared, bool OwnPrepared);

public sealed record PreparationList(ConversationRound Round, IReadOnlyList<(Guid Id, string Name)> Groups, Guid? GroupId, IReadOnlyList<PreparationRow> Rows);

/// <summary>For a teacher: the students of their groups in a round, and who has prepared (parents, student, the teacher).</summary>
public sealed class GetPreparationList(AppDbContext db, Access access)
{
    public async Task<Result<PreparationList>> HandleAsync(Guid roundId, Guid? groupId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var groups = round is null ? [] : await PreparationAccess.StaffGroupsAsync(db, access, round, Resource.Preparations, ct);
        if (round is null || groups.Count == 0 || (groupId is { } g && groups.All(x => x.Id != g)))
        {
            return Result<PreparationList>.NotFound();
        }
        var shown = groupId is { } only ? [only] : groups.Select(x => x.Id).ToList();
        var profile = await access.ProfileAsync(ct);
        var own = profile.Staff.FirstOrDefault(s => s.SchoolId == round.SchoolId)?.StaffMemberId;
        // A subject teacher sees the families who chose to meet them; the group's own teacher and leaders see all.
        // (A school-wide reader — the leaders, the care coordinator where the school allows — sees all.)
        var onlyMet = !await access.MayAsync(Resource.StaffPreparation, Act.View, Target.School(round.SchoolId), ct) && !shown.All(profile.LeadsGroup);
        var met = onlyMet && own is { } me ? await PreparationAccess.MetBy(db, round.Id, me).Distinct().ToListAsync(ct) : [];
        var students = await db.Enrollments.AsNoTracking().Where(e => shown.Contains(e.GroupId))
            .Where(e => !onlyMet || profile.LeadsGroupIds.Contains(e.GroupId) || met.Contains(e.StudentId))
            .Join(db.Students, e => e.StudentId, s => s.Id, (e, s) => new { s.Id, s.FirstName, s.LastNamePrefix, s.LastName, e.GroupId })
            .ToListAsync(ct);
        var ids = students.Select(s => s.Id).ToList();
        var preparations = await db.Preparations.AsNoTracking().Where(p => p.RoundId == roundId && ids.Contains(p.StudentId))
            .Select(p => new { p.StudentId, p.Party, p.StaffMemberId, p.Answers }).ToListAsync(ct);
        var households = await db.Guardianships.AsNoTracking().Where(x => ids.Contains(x.StudentId))
            .Join(db.Guardians.Where(g => g.HouseholdId != null), x => x.GuardianId, g => g.Id, (x, g) => new { x.StudentId, g.HouseholdId })
            .Distinct().ToListAsync(ct);
        var done = preparations.Where(p => PreparationAnswers.HasContent(p.Answers)).ToList();
        var rows = students.DistinctBy(s => s.Id)
            .Select(s => new PreparationRow(s.Id, PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName), groups.First(x => x.Id == s.GroupId).Name,
                households.Count(h => h.StudentId == s.Id),
                done.Count(p => p.StudentId == s.Id && p.Party == PreparationParty.Parent),
                done.Any(p => p.StudentId == s.Id && p.Party == PreparationParty.Student),
                own is not null && done.Any(p => p.StudentId == s.Id && p.Party == PreparationParty.Teacher && p.StaffMemberId == own)))
            .OrderBy(r => r.Group).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new PreparationList(round, groups, groupId, rows);
    }
}
