using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Agreements;

public sealed record AgreementSettingsView(Guid SchoolId, string SchoolName, bool StudentsSee, int ReminderDaysBefore);

public sealed record SaveAgreementSettingsCommand(Guid SchoolId, bool StudentsSee, int ReminderDaysBefore);

/// <summary>
/// A school leader decides whether students see their agreements (by default secondary students do) and how
/// many days before the check date the owner is reminded. Who sees what changes, so a save is audit-logged.
/// </summary>
public sealed class SaveAgreementSettings(AppDbContext db, Access access, AuditLog audit)
{
    public async Task<Result<AgreementSettingsView>> GetAsync(Guid schoolId, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        if (school is null || !await access.MayAsync(Resource.SchoolSettings, Act.View, Target.School(schoolId), ct))
        {
            return Result<AgreementSettingsView>.NotFound();
        }
        var row = await db.AgreementSettings.AsNoTracking().FirstOrDefaultAsync(s => s.SchoolId == schoolId, ct);
        return new AgreementSettingsView(school.Id, school.Name, row?.StudentsSee ?? school.Kind == Organisation.SchoolKind.Secondary,
            row?.ReminderDaysBefore ?? AgreementRules.DefaultReminderDaysBefore);
    }

    public async Task<Result<Guid>> HandleAsync(SaveAgreementSettingsCommand command, CancellationToken ct)
    {
        if (!await db.Schools.AnyAsync(s => s.Id == command.SchoolId, ct)
            || !await access.MayAsync(Resource.SchoolSettings, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (command.ReminderDaysBefore is < 1 or > AgreementRules.MaxReminderDaysBefore)
        {
            return Result<Guid>.Invalid(new FieldError("reminderDaysBefore", "Settings.DaysRange", 1, AgreementRules.MaxReminderDaysBefore));
        }
        var row = await db.AgreementSettings.FirstOrDefaultAsync(s => s.SchoolId == command.SchoolId, ct);
        if (row is null)
        {
            row = new AgreementSettings { SchoolId = command.SchoolId };
            db.AgreementSettings.Add(row);
        }
        row.StudentsSee = command.StudentsSee;
        row.ReminderDaysBefore = command.ReminderDaysBefore;
        audit.Record("agreement-settings.saved", "school", command.SchoolId, access.UserId, command.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Result<Guid>.Conflict(new FieldError("", "Settings.SavedMeanwhile"));
        }
        return command.SchoolId;
    }
}
