namespace Driehoek.Web.Features.Rounds;

/// <summary>A round for whoever may change (or see) the given school-wide part of it, per the access matrix.</summary>
public static class RoundAccess
{
    public static async Task<ConversationRound?> ManageableAsync(AppDbContext db, Access access, Guid roundId, Resource resource, CancellationToken ct)
    {
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        return round is not null && await access.MayAsync(resource, Act.Change, Target.School(round.SchoolId), ct) ? round : null;
    }

    public static async Task<ConversationRound?> VisibleToStaffAsync(AppDbContext db, Access access, Guid roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        return round is not null && await access.MayAsync(Resource.Rounds, Act.View, Target.School(round.SchoolId), ct) ? round : null;
    }

    /// <summary>The students a round covers: those enrolled in its groups.</summary>
    public static IQueryable<Guid> StudentIds(AppDbContext db, Guid roundId) =>
        db.RoundGroups.Where(g => g.RoundId == roundId)
            .Join(db.Enrollments, g => g.GroupId, e => e.GroupId, (g, e) => e.StudentId);
}
