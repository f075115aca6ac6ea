using Driehoek.Web.Features.Bookings;

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
/// own, unseen by the other); the student prepares on their own; teachers of the child's group in the
/// round, and the school's leaders, prepare too and read everyone's answers.
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
        if (!groups.Any(profile.TeachesGroup) && !await access.CanManageSchoolAsync(round.SchoolId, ct))
        {
            return null;
        }
        var own = profile.Staff.FirstOrDefault(s => s.SchoolId == round.SchoolId)?.StaffMemberId;
        return new StaffPreparer(round, studentId, own);
    }

    /// <summary>
    /// The round's groups a staff member works with: all of them for the school's leaders, else the
    /// ones they teach. Empty for anyone else.
    /// </summary>
    public static async Task<List<(Guid Id, string Name)>> StaffGroupsAsync(AppDbContext db, Access access, ConversationRound round, CancellationToken ct)
    {
        var groups = await db.RoundGroups.AsNoTracking().Where(g => g.RoundId == round.Id)
            .Join(db.Groups, rg => rg.GroupId, g => g.Id, (rg, g) => new { g.Id, g.Name, g.Level })
            .OrderBy(g => g.Level).ThenBy(g => g.Name).ToListAsync(ct);
        if (await access.CanManageSchoolAsync(round.SchoolId, ct))
        {
            return groups.Select(g => (g.Id, g.Name)).ToList();
        }
        var profile = await access.ProfileAsync(ct);
        return groups.Where(g => profile.TeachesGroup(g.Id)).Select(g => (g.Id, g.Name)).ToList();
    }
}
