using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Agreements;

public sealed record RecordAgreementCommand(Guid StudentId, Guid? BookingId, AgreementFields Fields);

/// <summary>
/// A teacher writes down an agreement about a student: the booking's teacher after the held conversation, or the
/// student's group teacher or mentor (or a leader) from the student record. The family hears of new agreements
/// a little later, together (<see cref="AgreementNotices"/>).
/// </summary>
public sealed class RecordAgreement(AppDbContext db, AgreementAccess agreements, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RecordAgreementCommand command, CancellationToken ct)
    {
        var staff = await agreements.ForStaffAsync(command.StudentId, Act.Change, ct);
        if (staff is null)
        {
            return Result<Guid>.NotFound();
        }
        if (command.BookingId is { } bookingId
            && !await db.Bookings.AsNoTracking().AnyAsync(b => b.Id == bookingId && b.StudentId == command.StudentId && b.Status == BookingStatus.Held, ct))
        {
            return Result<Guid>.Invalid(new FieldError("", "Agreement.BookingNotHeld"));
        }
        var owners = await AgreementOwners.ChoicesAsync(db, staff.StudentId, staff.SchoolId, staff.StaffMemberId, ct);
        var (fields, errors) = command.Fields.Check(owners, SchoolCalendar.Today(clock), null);
        if (fields is null)
        {
            return Result<Guid>.Invalid([.. errors]);
        }
        var agreement = new Agreement
        {
            SchoolId = staff.SchoolId, StudentId = staff.StudentId, BookingId = command.BookingId, What = fields.What,
            CreatedByUserId = access.UserId!.Value, CreatedByName = await AgreementNames.OfUserAsync(db, access.UserId!.Value, ct),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        fields.ApplyTo(agreement);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        return agreement.Id;
    }
}

public static class AgreementNames
{
    public static async Task<string> OfUserAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
}
