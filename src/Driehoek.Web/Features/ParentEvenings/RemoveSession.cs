using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>Removes a session (and the families' choice of it), until the evening is published.</summary>
public sealed class RemoveSession(AppDbContext db, Access access)
{
    public async Task<Result<Guid>> HandleAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await db.RoundSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var round = session is null ? null : await RoundAccess.ManageableAsync(db, access, session.RoundId, Resource.Schedule, ct);
        if (session is null || round is null)
        {
            return Result<Guid>.NotFound();
        }
        if (await SessionRules.LockedAsync(db, round, ct) is { } locked)
        {
            return Result<Guid>.Invalid(locked);
        }
        db.RoundSessions.Remove(session);
        await db.SaveChangesAsync(ct);
        return round.Id;
    }
}
