using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Interpreters;

public sealed record AddInterpreterCommand(Guid RoundId, Guid? StaffMemberId, string? Name, string? Organisation);

public sealed record AssignInterpreterCommand(Guid RoundId, Guid BookingId, Guid? InterpreterId);

/// <summary>
/// A leader adds the round's interpreters (a staff member of the school, or an external person by name and
/// organisation) and assigns them to meetings that asked for one. The same interpreter is never assigned to two
/// meetings that overlap (also when two leaders assign at once), nor a staff interpreter to a meeting while they hold a
/// conversation of their own. The family hears that an interpreter will be there (the language, not who), and again
/// when the assignment is taken back.
/// </summary>
public sealed class ArrangeInterpreters(AppDbContext db, Access access, TimeProvider clock, InterpreterNotice notice)
{
    public async Task<Result<Guid>> AddAsync(AddInterpreterCommand command, CancellationToken ct)
    {
        var round = await InterpreterAccess.RoundAsync(db, access, command.RoundId, Act.Change, ct);
        if (round is null)
        {
            return Result<Guid>.NotFound();
        }
        var name = string.IsNullOrWhiteSpace(command.Name) ? null : command.Name.Trim();
        var organisation = string.IsNullOrWhiteSpace(command.Organisation) ? null : command.Organisation.Trim();
        if (command.StaffMemberId is { } staffId)
        {
            if (!await db.StaffMembers.AnyAsync(m => m.Id == staffId && m.SchoolId == round.SchoolId, ct))
            {
                return Result<Guid>.Invalid(new FieldError("StaffMemberId", "Interpreters.ChooseStaff"));
            }
            if (await db.Interpreters.Where(i => i.RoundId == round.Id && i.StaffMemberId == staffId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct) is { } known)
            {
                return known;
            }
            name = organisation = null;
        }
        else if (name is null)
        {
            return Result<Guid>.Invalid(new FieldError("Name", "Interpreters.NameOrStaff"));
        }
        if (name is { Length: > Interpreter.MaxNameLength } || organisation is { Length: > Interpreter.MaxNameLength })
        {
            return Result<Guid>.Invalid(new FieldError(name is { Length: > Interpreter.MaxNameLength } ? "Name" : "Organisation",
                "Interpreters.TooLong", Interpreter.MaxNameLength));
        }
        var interpreter = new Interpreter
        {
            SchoolId = round.SchoolId, RoundId = round.Id, StaffMemberId = command.StaffMemberId, Name = name, Organisation = organisation,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Interpreters.Add(interpreter);
        await db.SaveChangesAsync(ct);
        return interpreter.Id;
    }

    /// <summary>Assigns (or, without an interpreter, unassigns) the meeting's interpreter; an overlap is refused and named.</summary>
    public async Task<Result<Guid>> AssignAsync(AssignInterpreterCommand command, CancellationToken ct)
    {
        var round = await InterpreterAccess.RoundAsync(db, access, command.RoundId, Act.Change, ct);
        var booking = round is null ? null
            : await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == command.BookingId && b.RoundId == round.Id
                                                                        && b.InterpreterLanguage != null && b.Status != BookingStatus.Cancelled, ct);
        if (round is null || booking is null)
        {
            return Result<Guid>.NotFound();
        }
        var current = await db.InterpreterAssignments.FirstOrDefaultAsync(a => a.BookingId == booking.Id, ct);
        if (command.InterpreterId is not { } interpreterId)
        {
            if (current is not null)
            {
                db.InterpreterAssignments.Remove(current);
                // The family was told an interpreter would come: now it hears that none is arranged (yet).
                await notice.SendWithdrawnAsync(booking, ct);
                await db.SaveChangesAsync(ct);
            }
            return booking.Id;
        }
        var interpreter = await db.Interpreters.AsNoTracking().FirstOrDefaultAsync(i => i.Id == interpreterId && i.RoundId == round.Id, ct);
        if (interpreter is null)
        {
            return Result<Guid>.Invalid(new FieldError("InterpreterId", "Interpreters.ChooseInterpreter"));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two leaders assigning one interpreter at once take turns here (the interpreter's row lock on PostgreSQL,
        // the write lock on SQLite), so the second sees the first's assignment in its overlap check.
        await db.Interpreters.Where(i => i.Id == interpreter.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedAt, i => i.CreatedAt), ct);
        if (await ClashAsync(interpreter, booking, ct) is { } clash)
        {
            return Result<Guid>.Conflict(clash);
        }
        if (current is null)
        {
            db.InterpreterAssignments.Add(current = new InterpreterAssignment { SchoolId = round.SchoolId, RoundId = round.Id, BookingId = booking.Id });
            // Another interpreter later changes nothing for the family: only the first assignment is news.
            await notice.SendAsync(booking, ct);
        }
        current.InterpreterId = interpreter.Id;
        current.AssignedByUserId = access.UserId!.Value;
        current.AssignedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Result<Guid>.Conflict(new FieldError("InterpreterId", "Interpreters.ChangedByOther"));
        }
        return booking.Id;
    }

    /// <summary>The meeting the interpreter would be in at the same time: another they interpret at, or (staff) one of their own.</summary>
    private async Task<FieldError?> ClashAsync(Interpreter interpreter, Booking booking, CancellationToken ct)
    {
        var overlapping = db.Bookings.AsNoTracking()
            .Where(b => b.Id != booking.Id && b.Status != BookingStatus.Cancelled && b.StartsAt < booking.EndsAt && booking.StartsAt < b.EndsAt);
        var other = await overlapping
            .Where(b => db.InterpreterAssignments.Any(a => a.BookingId == b.Id && a.InterpreterId == interpreter.Id))
            .Select(b => (DateTime?)b.StartsAt).FirstOrDefaultAsync(ct);
        if (other is { } at)
        {
            return new FieldError("InterpreterId", "Interpreters.Overlap", SchoolCalendar.ToLocal(at).ToString("HH:mm"));
        }
        var own = interpreter.StaffMemberId is { } staffId
            ? await overlapping.Where(b => b.StaffMemberId == staffId).Select(b => (DateTime?)b.StartsAt).FirstOrDefaultAsync(ct)
            : null;
        return own is { } ownAt ? new FieldError("InterpreterId", "Interpreters.OwnMeeting", SchoolCalendar.ToLocal(ownAt).ToString("HH:mm")) : null;
    }
}
