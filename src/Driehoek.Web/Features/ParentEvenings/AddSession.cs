using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

public sealed record AddSessionCommand(Guid RoundId, DateOnly Date, TimeOnly Start, TimeOnly End);

/// <summary>A school leader adds an evening (or afternoon) to a round in request mode; families choose from these.</summary>
public sealed class AddSession(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(AddSessionCommand command, CancellationToken ct)
    {
        var round = await RoundAccess.ManageableAsync(db, access, command.RoundId, Resource.Schedule, ct);
        if (round is null)
        {
            return Result<Guid>.NotFound();
        }
        if (await SessionRules.LockedAsync(db, round, ct) is { } locked)
        {
            return Result<Guid>.Invalid(locked);
        }
        var errors = new List<FieldError>();
        if (command.Date < round.FirstDay || command.Date > round.LastDay)
        {
            errors.Add(new FieldError("Date", "Session.OutsideRound", round.FirstDay.ToString("d"), round.LastDay.ToString("d")));
        }
        if (command.Start.Minute % 5 != 0 || command.End.Minute % 5 != 0)
        {
            errors.Add(new FieldError("Start", "Session.FiveMinutes"));
        }
        if (command.End <= command.Start)
        {
            errors.Add(new FieldError("End", "Session.EndBeforeStart"));
        }
        else if ((command.End - command.Start).TotalMinutes < round.LengthMinutes)
        {
            errors.Add(new FieldError("End", "Session.TooShort", round.LengthMinutes));
        }
        var sameDay = await db.RoundSessions.AsNoTracking().Where(s => s.RoundId == round.Id && s.Date == command.Date).ToListAsync(ct);
        if (sameDay.Any(s => s.Start < command.End && command.Start < s.End))
        {
            errors.Add(new FieldError("Start", "Session.Overlaps"));
        }
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid(errors.ToArray());
        }
        var session = new RoundSession
        {
            SchoolId = round.SchoolId, RoundId = round.Id, Date = command.Date, Start = command.Start, End = command.End,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RoundSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }
}
