using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Agreements;

public sealed record EditAgreementCommand(Guid AgreementId, AgreementFields Fields, AgreementStatus Status, Guid Version);

/// <summary>
/// Staff who keep a student's agreements change one: its wording, owner and dates, or mark it done or dropped
/// (with who and when). A form opened before someone else's change is refused as "changed meanwhile", never
/// saved over it.
/// </summary>
public sealed class EditAgreement(AppDbContext db, AgreementAccess agreements, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(EditAgreementCommand command, CancellationToken ct)
    {
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == command.AgreementId, ct);
        var staff = agreement is null ? null : await agreements.ForStaffAsync(agreement.StudentId, Act.Change, ct);
        if (agreement is null || staff is null)
        {
            return Result<Guid>.NotFound();
        }
        if (!Enum.IsDefined(command.Status))
        {
            return Result<Guid>.Invalid(new FieldError("Status", "Agreement.StatusRequired"));
        }
        var owners = await AgreementOwners.ChoicesAsync(db, staff.StudentId, staff.SchoolId, staff.StaffMemberId, ct);
        // The owner it has keeps being offered, even if they would not be chosen today.
        var current = owners.FirstOrDefault(o => o.Value == AgreementOwners.Value(agreement.Owner, agreement.OwnerGuardianId ?? agreement.OwnerStaffMemberId));
        if (current is null)
        {
            owners.Add(new OwnerChoice(AgreementOwners.Value(agreement.Owner, agreement.OwnerGuardianId ?? agreement.OwnerStaffMemberId),
                agreement.Owner, agreement.OwnerGuardianId ?? agreement.OwnerStaffMemberId, ""));
        }
        var (fields, errors) = command.Fields.Check(owners, SchoolCalendar.Today(clock), agreement.CheckOn);
        if (fields is null)
        {
            return Result<Guid>.Invalid([.. errors]);
        }
        if (command.Version != agreement.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Agreement.ChangedMeanwhile"));
        }
        fields.ApplyTo(agreement);
        if (agreement.Status != command.Status)
        {
            agreement.Status = command.Status;
            agreement.StatusChangedAt = clock.GetUtcNow().UtcDateTime;
            agreement.StatusChangedBy = await AgreementNames.OfUserAsync(db, access.UserId!.Value, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Agreement.ChangedMeanwhile"));
        }
        return agreement.StudentId;
    }
}
