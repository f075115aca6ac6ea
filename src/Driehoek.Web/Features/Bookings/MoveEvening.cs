using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>A day of a round with teachers' times on it, and how many conversations are booked that day.</summary>
public sealed record EveningDay(DateOnly Date, int Teachers, int Bookings);

/// <summary>
/// What moving a day to another would do: the teachers and families it touches, and what stands in the way
/// (a teacher who already has times that day, a family with another conversation at the new time).
/// </summary>
public sealed record EveningMove(
    Guid RoundId, Guid SchoolId, string RoundName, IReadOnlyList<EveningDay> Days, DateOnly? From, DateOnly? To,
    int Teachers, int Bookings, int Families, IReadOnlyList<string> Clashes);

public sealed record MoveEveningCommand(Guid RoundId, DateOnly From, DateOnly To, string? Message);

/// <summary>
/// Moves a whole evening (illness, snow): every teacher's times of that day, with the conversations booked in
/// them, go to the same clock times on another day, in one transaction. Each family hears once, with all its
/// conversations of that day and a calendar file that updates them (same UID, next SEQUENCE). Nothing moves
/// while a teacher already has times on the new day or a family would then have two conversations at once.
/// </summary>
public sealed class MoveEvening(AppDbContext db, Access access, Outbox outbox, IStringLocalizer<BookingsText> text, IConfiguration config,
    TimeProvider clock)
{
    public const int MaxMessage = 1000;

    public async Task<Result<EveningMove>> PreviewAsync(Guid roundId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (await RoundAccess.ManageableAsync(db, access, roundId, Resource.Rounds, ct) is not { } round)
        {
            return Result<EveningMove>.NotFound();
        }
        var days = await DaysAsync(roundId, ct);
        if (from is not { } day || days.All(d => d.Date != day))
        {
            return new EveningMove(round.Id, round.SchoolId, round.Name, days, null, to, 0, 0, 0, []);
        }
        var plan = await PlanAsync(round, day, to, ct);
        return new EveningMove(round.Id, round.SchoolId, round.Name, days, day, to, plan.Blocks.Select(b => b.StaffMemberId).Distinct().Count(),
            plan.Bookings.Count, plan.Bookings.Select(b => b.HouseholdId).Distinct().Count(), plan.Clashes);
    }

    public async Task<Result<int>> HandleAsync(MoveEveningCommand command, CancellationToken ct)
    {
        if (await RoundAccess.ManageableAsync(db, access, command.RoundId, Resource.Rounds, ct) is not { } round)
        {
            return Result<int>.NotFound();
        }
        if (round.Status == RoundStatus.Cancelled)
        {
            return Result<int>.Invalid(new FieldError("", "MoveEvening.RoundCancelled"));
        }
        if (command.To == command.From)
        {
            return Result<int>.Invalid(new FieldError("To", "MoveEvening.SameDay"));
        }
        if (command.To < SchoolCalendar.Today(clock))
        {
            return Result<int>.Invalid(new FieldError("To", "MoveEvening.InThePast"));
        }
        if (command.Message is { Length: > MaxMessage })
        {
            return Result<int>.Invalid(new FieldError("Message", "MoveEvening.MessageTooLong", MaxMessage));
        }
        var plan = await PlanAsync(round, command.From, command.To, ct);
        if (plan.Blocks.Count == 0)
        {
            return Result<int>.Invalid(new FieldError("From", "MoveEvening.NoEvening"));
        }
        if (plan.Clashes.Count > 0)
        {
            return Result<int>.Invalid(plan.Clashes.Select(c => new FieldError("", "MoveEvening.Clash", c)).ToArray());
        }

        // One SaveChanges: the blocks, slots, bookings, their time claims and the e-mails commit together or not at all.
        foreach (var block in plan.Blocks)
        {
            block.Date = command.To;
        }
        foreach (var slot in plan.Slots)
        {
            (slot.StartsAt, slot.EndsAt) = (Shift(slot.StartsAt, command.To), Shift(slot.EndsAt, command.To));
        }
        var ids = plan.Bookings.Select(b => b.Id).ToList();
        // The claims move with their bookings: removed and made again at the new times, so the unique index still
        // guards the household's (and student's) time.
        db.TimeClaims.RemoveRange(await db.TimeClaims.Where(c => ids.Contains(c.BookingId)).ToListAsync(ct));
        foreach (var booking in plan.Bookings)
        {
            (booking.StartsAt, booking.EndsAt) = (Shift(booking.StartsAt, command.To), Shift(booking.EndsAt, command.To));
            booking.Sequence++;
            booking.ReminderSentAt = null;
            db.TimeClaims.AddRange(TimeClaims.For(booking, round));
        }
        await TellFamiliesAsync(round, command, plan.Bookings, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Someone booked a clashing time between the check and the save: nothing moved; the leader tries again.
            return Result<int>.Conflict(new FieldError("", "MoveEvening.ChangedMeanwhile"));
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<int>.Conflict(new FieldError("", "MoveEvening.ChangedMeanwhile"));
        }
        return plan.Bookings.Count;
    }

    private sealed record Plan(List<AvailabilityBlock> Blocks, List<Slot> Slots, List<Booking> Bookings, List<string> Clashes);

    private async Task<List<EveningDay>> DaysAsync(Guid roundId, CancellationToken ct)
    {
        var blocks = await db.AvailabilityBlocks.AsNoTracking().Where(b => b.RoundId == roundId)
            .Select(b => new { b.Date, b.StaffMemberId }).ToListAsync(ct);
        var booked = await db.Bookings.AsNoTracking().Where(b => b.RoundId == roundId && b.Status == BookingStatus.Booked)
            .Select(b => b.StartsAt).ToListAsync(ct);
        var perDay = booked.GroupBy(s => DateOnly.FromDateTime(SchoolCalendar.ToLocal(s))).ToDictionary(g => g.Key, g => g.Count());
        return blocks.GroupBy(b => b.Date).OrderBy(g => g.Key)
            .Select(g => new EveningDay(g.Key, g.Select(b => b.StaffMemberId).Distinct().Count(), perDay.GetValueOrDefault(g.Key)))
            .ToList();
    }

    /// <summary>The day's blocks, slots and booked conversations (tracked, to move), and what would clash on the new day.</summary>
    private async Task<Plan> PlanAsync(ConversationRound round, DateOnly from, DateOnly? to, CancellationToken ct)
    {
        var blocks = await db.AvailabilityBlocks.Where(b => b.RoundId == round.Id && b.Date == from).ToListAsync(ct);
        var blockIds = blocks.Select(b => b.Id).ToList();
        var slots = await db.Slots.Where(s => blockIds.Contains(s.BlockId)).ToListAsync(ct);
        var slotIds = slots.Select(s => s.Id).ToList();
        var bookings = await db.Bookings.Where(b => b.SlotId != null && slotIds.Contains(b.SlotId.Value) && b.Status == BookingStatus.Booked)
            .ToListAsync(ct);
        var clashes = new List<string>();
        if (to is not { } day || day == from)
        {
            return new Plan(blocks, slots, bookings, clashes);
        }

        // A teacher with times of any round on the new day: the two evenings would overlap or run into each other.
        var staff = blocks.Select(b => b.StaffMemberId).Distinct().ToList();
        var busyStaff = await db.AvailabilityBlocks.AsNoTracking().Where(b => staff.Contains(b.StaffMemberId) && b.Date == day)
            .Select(b => b.StaffMemberId).Distinct()
            .Join(db.StaffMembers, id => id, m => m.Id, (id, m) => new { m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct);
        clashes.AddRange(busyStaff.Select(m => PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName)).Order(StringComparer.CurrentCulture));

        // A family (or student) with another conversation at one of the new times.
        var moving = bookings.Select(b => b.Id).ToList();
        var claims = await db.TimeClaims.AsNoTracking().Where(c => moving.Contains(c.BookingId)).ToListAsync(ct);
        var owners = claims.Select(c => c.Owner).Distinct().ToList();
        var cells = claims.Select(c => Shift(c.Cell, day)).Distinct().ToList();
        var taken = await db.TimeClaims.AsNoTracking()
            .Where(c => owners.Contains(c.Owner) && cells.Contains(c.Cell) && !moving.Contains(c.BookingId))
            .Select(c => new { c.Owner, c.Cell }).ToListAsync(ct);
        var takenCells = taken.Select(c => (c.Owner, c.Cell)).ToHashSet();
        var clashing = claims.Where(c => takenCells.Contains((c.Owner, Shift(c.Cell, day)))).Select(c => c.BookingId).ToHashSet();
        var students = bookings.Where(b => clashing.Contains(b.Id)).Select(b => b.StudentId).Distinct().ToList();
        var names = await db.Students.AsNoTracking().Where(s => students.Contains(s.Id))
            .Select(s => new { s.FirstName, s.LastNamePrefix, s.LastName }).ToListAsync(ct);
        clashes.AddRange(names.Select(s => PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName)).Order(StringComparer.CurrentCulture));
        return new Plan(blocks, slots, bookings, clashes);
    }

    /// <summary>The same clock time on the new day, in the school's zone (so 19:00 stays 19:00 across a clock change).</summary>
    private static DateTime Shift(DateTime utc, DateOnly day)
    {
        var local = SchoolCalendar.ToLocal(utc);
        return SchoolCalendar.ToUtc(day.ToDateTime(TimeOnly.FromDateTime(local)));
    }

    /// <summary>One e-mail per household and language: all its conversations of the day, and one calendar file that updates them.</summary>
    private async Task TellFamiliesAsync(ConversationRound round, MoveEveningCommand command, List<Booking> bookings, CancellationToken ct)
    {
        var students = bookings.Select(b => b.StudentId).Distinct().ToList();
        var staff = bookings.Select(b => b.StaffMemberId).Distinct().ToList();
        var slotIds = bookings.Select(b => b.SlotId!.Value).ToList();
        var studentNames = await db.Students.AsNoTracking().Where(s => students.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var teacherNames = (await db.StaffMembers.AsNoTracking().Where(m => staff.Contains(m.Id))
            .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName));
        var places = await db.Slots.AsNoTracking().Where(s => slotIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new { s.Room, s.VideoLink }, ct);
        var schoolName = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var households = bookings.Select(b => b.HouseholdId).Distinct().ToList();
        var contacts = await FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => students.Contains(c.StudentId) && c.HouseholdId != null && households.Contains(c.HouseholdId.Value) && c.Email != null)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim();
        foreach (var family in bookings.GroupBy(b => b.HouseholdId))
        {
            var own = family.OrderBy(b => b.StartsAt).ToList();
            string Place(Booking b) => (b.Mode == MeetingMode.Video ? places[b.SlotId!.Value].VideoLink : places[b.SlotId!.Value].Room) ?? "";
            var events = own.Select(b => BookingCalendar.Event(b, studentNames[b.StudentId], teacherNames[b.StaffMemberId], Place(b), schoolName,
                $"{AppLinks.BaseUrl(config)}/bookings/{b.Id}", cancelled: false)).ToList();
            var ics = IcsWriter.Write("REQUEST", now, events);
            var recipients = contacts.Where(c => c.HouseholdId == family.Key && own.Any(b => b.StudentId == c.StudentId))
                .DistinctBy(c => c.GuardianId).ToList();
            foreach (var guardian in recipients)
            {
                using var _ = CultureScope.Use(guardian.Language);
                var lines = string.Join("\n", own.Select(b =>
                {
                    var at = SchoolCalendar.ToLocal(b.StartsAt);
                    var place = Place(b);
                    return $"• {at:HH:mm} {studentNames[b.StudentId]} – {teacherNames[b.StaffMemberId]}{(place.Length > 0 ? " (" + place + ")" : "")}";
                }));
                var fromText = command.From.ToDateTime(TimeOnly.MinValue).ToString("dddd d MMMM");
                var toText = command.To.ToDateTime(TimeOnly.MinValue).ToString("dddd d MMMM yyyy");
                var body = text["Notice.EveningMoved.Body", guardian.FirstName, fromText, toText, lines,
                    message is null ? "" : text["Notice.EveningMoved.Message", message].Value, $"{AppLinks.BaseUrl(config)}/parent"];
                outbox.Email(new EmailMessage(guardian.Email!, text["Notice.EveningMoved.Subject", toText], body, guardian.Language,
                    [new EmailAttachment("gesprekken.ics", "text/calendar; method=REQUEST", ics)], AppLinks.Account(config)));
            }
        }
    }
}
