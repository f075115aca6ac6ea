namespace Driehoek.Web.Features.Rounds;

public sealed record PublishRoundCommand(Guid RoundId, Guid Version);

/// <summary>Makes a draft round visible to its families (and, with invitations, tells them).</summary>
public sealed class PublishRound(AppDbContext db, Access access, TimeProvider clock, IEnumerable<IRoundPublication> publications)
{
    public async Task<Result<Guid>> HandleAsync(PublishRoundCommand command, CancellationToken ct)
    {
        var round = await RoundAccess.ManageableAsync(db, access, command.RoundId, Resource.Rounds, ct);
        if (round is null)
        {
            return Result<Guid>.NotFound();
        }
        if (round.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Round.ChangedByOther"));
        }
        if (round.Status != RoundStatus.Draft)
        {
            return Result<Guid>.Invalid(new FieldError("", "Round.NotDraft"));
        }
        round.Status = RoundStatus.Published;
        round.PublishedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var publication in publications)
        {
            await publication.PublishedAsync(round, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Round.ChangedByOther"));
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A second publish raced this one and its invitations landed first: nothing is sent twice.
            return Result<Guid>.Conflict(new FieldError("", "Round.ChangedByOther"));
        }
        return round.Id;
    }
}
