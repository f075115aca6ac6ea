using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.ParentEvenings;

namespace Driehoek.Web.Features.Rounds;

/// <summary>A family member who prepares for a child's conversation: a parent (for their household) or the student.</summary>
public sealed record FamilyPreparer(ConversationRound Round, Guid StudentId, PreparationParty Party, Guid? HouseholdId)
{
    public string Key => PreparationKeys.For(Round.Id, StudentId, Party, HouseholdId, null);
}

/// <summary>A staff member who may read a child's preparations; <see cref="StaffMemberId"/> is null for a board admin, who only reads.</summary>
public sealed record StaffPreparer(ConversationRound Round, Guid StudentId, Guid? StaffMemberId)
{
    public string? Key => StaffMemberId is { } id ? PreparationKeys.For(Round.Id, StudentId, PreparationParty.Teacher, null, id) : null;
}

/// <summary>
/// Who prepares what for which child. Parents prepare per household (separated parents each their
/// own, unseen by the other); the student prepares on their own. Staff read the answers on need to know:
/// the group teacher or mentor, a subject teacher the family booked or asked for in this round, and the
/// school's leaders; they prepare too. The care coordinator reads them where the school allows it. Every
/// other teacher of the group gets not found.
/// </summary>
public static class PreparationAccess
{
    public static async Task<FamilyPreparer?> ForFamilyAsync(AppDbContext db, Access access, Guid roundId, Guid studentId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        if (profile.Children.ContainsKey(studentId))
        {
            var family = await FamilyContext.LoadAsync(db, access, roundId, studentId, ct);
            return family is null ? null : new FamilyPreparer(family.Round, studentId, PreparationParty.Parent, family.HouseholdId);
        }
        if (!profile.OwnStudentIds.Contains(studentId))
        {
            return null;
        }
        var school = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => s.SchoolId).SingleAsync(ct);
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.SchoolId == school && r.Status != RoundStatus.Draft, ct);
        return round is not null && await RoundAccess.StudentIds(db, roundId).AnyAsync(s => s == studentId, ct)
            ? new FamilyPreparer(round, studentId, PreparationParty.Student, null)
            : null;
    }

    public static async Task<StaffPreparer?> ForStaffAsync(AppDbContext db, Access access, Guid roundId, Guid studentId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }
        var groups = await db.RoundGroups.AsNoTracking().Where(g => g.RoundId == roundId)
            .Join(db.Enrollments.Where(e => e.StudentId == studentId), g => g.GroupId, e => e.GroupId, (g, e) => g.GroupId)
            .ToListAsync(ct);
        if (groups.Count == 0)
        {
            return null;
        }
        var profile = await access.ProfileAsync(ct);
        var own = profile.Staff.FirstOrDefault(s => s.SchoolId == round.SchoolId)?.StaffMemberId;
        var relations = new HashSet<Relation>(await access.RelationsAsync(Target.Student(studentId), ct));
        if (own is { } id && await MetBy(db, round.Id, id).AnyAsync(s => s == studentId, ct))
        {
            relations.Add(Relation.MetTeacher);
        }
        if (AccessMatrix.Allows(Resource.StaffPreparation, Act.Change, relations))
        {
            return new StaffPreparer(round, studentId, own);
        }
        // Someone who may only read (the care coordinator, where the school allows) never prepares: no staff id.
        return await access.PermitsAsync(Resource.StaffPreparation, Act.View, relations, round.SchoolId, ct)
            ? new StaffPreparer(round, studentId, null)
            : null;
    }

    /// <summary>
    /// The students of a round whose family booked or asked for this teacher. A subject teacher reads what
    /// a family prepared only when the family chose to meet them: need to know, not everyone of the group.
    /// </summary>
    public static IQueryable<Guid> MetBy(AppDbContext db, Guid roundId, Guid staffMemberId) =>
        db.Bookings.Where(b => b.RoundId == roundId && b.StaffMemberId == staffMemberId && b.Status != BookingStatus.Cancelled)
            .Select(b => b.StudentId)
            .Concat(db.ConversationRequests.Where(r => r.RoundId == roundId && r.StaffMemberId == staffMemberId).Select(r => r.StudentId));

    /// <summary>
    /// The round's groups whose <paramref name="resource"/> (preparations, letters, the overview) the
    /// signed-in person may see by the access matrix, decided per group without a query per group.
    /// </summary>
    public static async Task<List<(Guid Id, string Name)>> StaffGroupsAsync(AppDbContext db, Access access, ConversationRound round,
        Resource resource, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var groups = await db.RoundGroups.AsNoTracking().Where(g => g.RoundId == round.Id)
            .Join(db.Groups, rg => rg.GroupId, g => g.Id, (rg, g) => new { g.Id, g.Name, g.Level, g.SchoolId })
            .Join(db.Schools, g => g.SchoolId, s => s.Id, (g, s) => new { g.Id, g.Name, g.Level, g.SchoolId, s.BoardId })
            .OrderBy(g => g.Level).ThenBy(g => g.Name).ToListAsync(ct);
        var shown = new List<(Guid Id, string Name)>();
        // Last year's groups (a round of last year) relate to last year's teachers only for the days the school sets.
        var facts = await access.GroupFactsAsync(groups.Select(g => g.Id).ToList(), ct);
        foreach (var g in groups)
        {
            // Decided in memory; the school's setting is read once per request, and only when a conditional cell asks.
            if (await access.PermitsAsync(resource, Act.View, Relations.ToGroup(profile, facts[g.Id]), g.SchoolId, ct))
            {
                shown.Add((g.Id, g.Name));
            }
        }
        return shown;
    }
}
