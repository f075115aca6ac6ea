using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Handover;

public sealed record HandoverSettingsView(Guid SchoolId, string SchoolName, int? StudentsFromAge);

public sealed record SaveHandoverSettingsCommand(Guid SchoolId, int? StudentsFromAge);

/// <summary>
/// A school leader decides from which age a student reads their own handover and adds to it (by default: never).
/// Who sees what changes, so a save is audit-logged.
/// </summary>
public sealed class SaveHandoverSettings(AppDbContext db, Access access, AuditLog audit)
{
    public async Task<Result<HandoverSettingsView>> GetAsync(Guid schoolId, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        if (school is null || !await access.MayAsync(Resource.SchoolSettings, Act.View, Target.School(schoolId), ct))
        {
            return Result<HandoverSettingsView>.NotFound();
        }
        var age = await db.HandoverSettings.AsNoTracking().Where(s => s.SchoolId == schoolId).Select(s => s.StudentsFromAge).FirstOrDefaultAsync(ct);
        return new HandoverSettingsView(school.Id, school.Name, age);
    }

    public async Task<Result<Guid>> HandleAsync(SaveHandoverSettingsCommand command, CancellationToken ct)
    {
        if (!await db.Schools.AnyAsync(s => s.Id == command.SchoolId, ct)
            || !await access.MayAsync(Resource.SchoolSettings, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (command.StudentsFromAge is < HandoverRules.MinAge or > HandoverRules.MaxAge)
        {
            return Result<Guid>.Invalid(new FieldError("studentsFromAge", "Settings.AgeRange", HandoverRules.MinAge, HandoverRules.MaxAge));
        }
        var row = await db.HandoverSettings.FirstOrDefaultAsync(s => s.SchoolId == command.SchoolId, ct);
        if (row is null)
        {
            row = new HandoverSettings { SchoolId = command.SchoolId };
            db.HandoverSettings.Add(row);
        }
        row.StudentsFromAge = command.StudentsFromAge;
        audit.Record("handover-settings.saved", "school", command.SchoolId, access.UserId, command.SchoolId);
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
