using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Organisation;

public sealed record SaveSchoolSettingsCommand(Guid SchoolId, IReadOnlyList<StaffRole> TwoFactorRoles, bool CareCoordinatorReadsPreparations);

/// <summary>
/// A school leader sets which staff roles sign in with a second step and whether the care coordinator reads
/// preparations. Both change who sees care information, so the change is written to the audit log.
/// </summary>
public sealed class SaveSchoolSettings(AppDbContext db, Access access, AuditLog audit)
{
    public async Task<Result<Guid>> HandleAsync(SaveSchoolSettingsCommand command, CancellationToken ct)
    {
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == command.SchoolId, ct);
        if (school is null || !await access.MayAsync(Resource.SchoolSettings, Act.Change, Target.School(school.Id), ct))
        {
            return Result<Guid>.NotFound();
        }
        school.TwoFactorRoles = command.TwoFactorRoles.Where(Enum.IsDefined)
            .Aggregate(StaffRoles.None, (all, role) => all | role.AsSet());
        school.CareCoordinatorReadsPreparations = command.CareCoordinatorReadsPreparations;
        audit.Record("school-settings.saved", "school", school.Id, access.UserId, school.Id);
        await db.SaveChangesAsync(ct);
        return school.Id;
    }
}
