using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

public sealed record AvailabilityInput(DateOnly Date, TimeOnly Start, TimeOnly End, TimeOnly? BreakStart, TimeOnly? BreakEnd, string? Room, string? VideoLink);

public sealed record AddAvailabilityCommand(Guid RoundId, Guid StaffMemberId, AvailabilityInput Input);

/// <summary>
/// A teacher publishes when they can meet; a school leader can do it for them. The block becomes slots
/// of the round's length on a five-minute grid, skipping the break.
/// </summary>
public sealed class AddAvailability(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<int>> HandleAsync(AddAvailabilityCommand command, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.RoundId, ct);
        if (round is null || !await AvailabilityAccess.MayEditAsync(db, access, round, command.StaffMemberId, ct))
        {
            return Result<int>.NotFound();
        }
        var input = command.Input;
        var errors = Validate(round, input);
        var starts = errors.Count == 0 ? SlotTimes(round.LengthMinutes, input).ToList() : [];
        if (errors.Count == 0 && starts.Count == 0)
        {
            errors.Add(new FieldError("End", "Availability.TooShort", round.LengthMinutes));
        }
        if (errors.Count == 0)
        {
            var firstUtc = SchoolCalendar.ToUtc(input.Date.ToDateTime(input.Start));
            var lastUtc = SchoolCalendar.ToUtc(input.Date.ToDateTime(input.End));
            var overlap = await db.Slots.AnyAsync(s => s.StaffMemberId == command.StaffMemberId && s.StartsAt < lastUtc && s.EndsAt > firstUtc, ct);
            if (overlap)
            {
                errors.Add(new FieldError("Start", "Availability.Overlaps"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<int>.Invalid(errors.ToArray());
        }

        var block = new AvailabilityBlock
        {
            SchoolId = round.SchoolId, RoundId = round.Id, StaffMemberId = command.StaffMemberId, Date = input.Date,
            Start = input.Start, End = input.End, BreakStart = input.BreakStart, BreakEnd = input.BreakEnd,
            Room = Clean(input.Room, 60), VideoLink = Clean(input.VideoLink, 400),
            CreatedBy = access.UserId!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AvailabilityBlocks.Add(block);
        db.Slots.AddRange(starts.Select(start => new Slot
        {
            SchoolId = round.SchoolId, RoundId = round.Id, StaffMemberId = command.StaffMemberId, BlockId = block.Id,
            StartsAt = SchoolCalendar.ToUtc(input.Date.ToDateTime(start)),
            EndsAt = SchoolCalendar.ToUtc(input.Date.ToDateTime(start.AddMinutes(round.LengthMinutes))),
            Room = block.Room, VideoLink = block.VideoLink,
        }));
        await db.SaveChangesAsync(ct);
        return starts.Count;
    }

    public static IEnumerable<TimeOnly> SlotTimes(int length, AvailabilityInput input)
    {
        for (var t = input.Start; t.AddMinutes(length) <= input.End && t.AddMinutes(length) > t; t = t.AddMinutes(length))
        {
            var end = t.AddMinutes(length);
            if (input.BreakStart is { } bs && input.BreakEnd is { } be && t < be && end > bs)
            {
                // Skip to the end of the break and go on from there.
                t = be.AddMinutes(-length);
                continue;
            }
            yield return t;
        }
    }

    private static List<FieldError> Validate(ConversationRound round, AvailabilityInput input)
    {
        var errors = new List<FieldError>();
        if (round.Status == RoundStatus.Cancelled)
        {
            errors.Add(new FieldError("", "Availability.RoundCancelled"));
        }
        if (input.Date < round.FirstDay || input.Date > round.LastDay)
        {
            errors.Add(new FieldError("Date", "Availability.OutsideRound", round.FirstDay.ToString("d"), round.LastDay.ToString("d")));
        }
        if (input.End <= input.Start)
        {
            errors.Add(new FieldError("End", "Availability.EndBeforeStart"));
        }
        if (input.Start.Minute % 5 != 0 || input.End.Minute % 5 != 0)
        {
            errors.Add(new FieldError("Start", "Availability.FiveMinutes"));
        }
        if ((input.BreakStart is null) != (input.BreakEnd is null)
            || (input.BreakStart is { } bs && input.BreakEnd is { } be && (be <= bs || bs < input.Start || be > input.End)))
        {
            errors.Add(new FieldError("BreakStart", "Availability.BreakInvalid"));
        }
        if (input.VideoLink is { Length: > 0 } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            errors.Add(new FieldError("VideoLink", "Availability.VideoLinkInvalid"));
        }
        return errors;
    }

    private static string? Clean(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, max)];
}
