using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Organisation;

public sealed record SchoolSettings(Guid SchoolId, string Name, StaffRoles TwoFactorRoles, bool CareCoordinatorReadsPreparations, int? ConversationReplyDays = null);

/// <summary>The settings a school's leaders choose: who signs in with a second step, who reads preparations.</summary>
public sealed class GetSchoolSettings(AppDbContext db, Access access)
{
    /// <summary>The roles the form offers, in the order it shows them.</summary>
    public static readonly IReadOnlyList<StaffRole> Roles = Enum.GetValues<StaffRole>();

    public async Task<Result<SchoolSettings>> HandleAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.SchoolSettings, Act.View, Target.School(schoolId), ct))
        {
            return Result<SchoolSettings>.NotFound();
        }
        return await db.Schools.AsNoTracking().Where(s => s.Id == schoolId)
            .Select(s => new SchoolSettings(s.Id, s.Name, s.TwoFactorRoles, s.CareCoordinatorReadsPreparations, s.ConversationReplyDays))
            .SingleAsync(ct);
    }
}
