using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Organisation;

/// <param name="ConversationReplyDays">Days within which a family's request for a conversation gets an answer; null leaves it as it is.</param>
public sealed record SaveSchoolSettingsCommand(Guid SchoolId, IReadOnlyList<StaffRole> TwoFactorRoles, bool CareCoordinatorReadsPreparations,
    int? ConversationReplyDays = null);

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
        if (command.ConversationReplyDays is not (null or (>= 1 and <= 30)))
        {
            return Result<Guid>.Invalid(new FieldError("conversationReplyDays", "Settings.ReplyDaysRange", 1, 30));
        }
        school.ConversationReplyDays = command.ConversationReplyDays ?? school.ConversationReplyDays;
        school.TwoFactorRoles = command.TwoFactorRoles.Where(Enum.IsDefined)
            .Aggregate(StaffRoles.None, (all, role) => all | role.AsSet());
        school.CareCoordinatorReadsPreparations = command.CareCoordinatorReadsPreparations;
        audit.Record("school-settings.saved", "school", school.Id, access.UserId, school.Id);
        await db.SaveChangesAsync(ct);
        return school.Id;
    }
}
