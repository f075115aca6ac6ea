using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Rounds;

public sealed record RoundInput(
    string Name, RoundKind Kind, ConversationForm Form, int LengthMinutes, DateOnly FirstDay, DateOnly LastDay,
    Participants Participants, int MaxSubjectTeachers, RoundMode Mode, DateTime BookingOpensLocal, DateTime BookingClosesLocal,
    int ChangeDeadlineHours, bool Handover, IReadOnlyList<Guid> GroupIds);

/// <summary>Creates a round (<paramref name="RoundId"/> null) or changes one; <paramref name="Version"/> detects a concurrent edit.</summary>
public sealed record SaveRoundCommand(Guid SchoolId, Guid? RoundId, Guid? Version, RoundInput Input);

public sealed class SaveRound(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(SaveRoundCommand command, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.Rounds, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var year = await SchoolCalendar.CurrentYearAsync(db, command.SchoolId, SchoolCalendar.Today(clock), ct);
        if (year is null)
        {
            return Result<Guid>.Invalid(new FieldError("", "Round.NoSchoolYear"));
        }
        ConversationRound? round = null;
        if (command.RoundId is { } id)
        {
            round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == id && r.SchoolId == command.SchoolId, ct);
            if (round is null)
            {
                return Result<Guid>.NotFound();
            }
            if (command.Version != round.Version)
            {
                return Result<Guid>.Conflict(new FieldError("", "Round.ChangedByOther"));
            }
            year = await db.SchoolYears.AsNoTracking().SingleAsync(y => y.Id == round.SchoolYearId, ct);
        }

        var errors = RoundValidation.Check(command.Input, year);
        var groups = await db.Groups.Where(g => command.Input.GroupIds.Contains(g.Id) && g.SchoolYearId == year.Id)
            .Select(g => g.Id).ToListAsync(ct);
        if (groups.Count != command.Input.GroupIds.Distinct().Count())
        {
            errors.Add(new FieldError("GroupIds", "Round.GroupsInvalid"));
        }
        if (round is not null && await db.Bookings.AnyAsync(b => b.RoundId == round.Id, ct))
        {
            if (round.LengthMinutes != command.Input.LengthMinutes || round.Form != command.Input.Form)
            {
                errors.Add(new FieldError("LengthMinutes", "Round.HasBookings"));
            }
            if (round.Mode != command.Input.Mode)
            {
                // Scheduled meetings can be longer than one slot; self-booking rules assume one slot each.
                errors.Add(new FieldError("Mode", "Round.ModeLocked"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid(errors.ToArray());
        }

        if (round is null)
        {
            round = new ConversationRound { SchoolId = command.SchoolId, SchoolYearId = year.Id, Name = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Rounds.Add(round);
        }
        Apply(round, command.Input);
        var existing = await db.RoundGroups.Where(g => g.RoundId == round.Id).ToListAsync(ct);
        db.RoundGroups.RemoveRange(existing.Where(g => !groups.Contains(g.GroupId)));
        db.RoundGroups.AddRange(groups.Where(g => existing.All(e => e.GroupId != g))
            .Select(g => new RoundGroup { SchoolId = command.SchoolId, RoundId = round.Id, GroupId = g }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Round.ChangedByOther"));
        }
        return round.Id;
    }

    private static void Apply(ConversationRound round, RoundInput input)
    {
        round.Name = input.Name.Trim();
        round.Kind = input.Kind;
        round.Form = input.Form;
        round.LengthMinutes = input.LengthMinutes;
        round.FirstDay = input.FirstDay;
        round.LastDay = input.LastDay;
        round.Participants = input.Participants;
        round.MaxSubjectTeachers = input.Participants.HasFlag(Participants.SubjectTeachersOnRequest) ? input.MaxSubjectTeachers : 0;
        round.Mode = input.Mode;
        round.BookingOpensAt = SchoolCalendar.ToUtc(input.BookingOpensLocal);
        round.BookingClosesAt = SchoolCalendar.ToUtc(input.BookingClosesLocal);
        round.ChangeDeadlineHours = input.ChangeDeadlineHours;
        round.Handover = input.Handover;
    }
}
