using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Coverage;

public sealed record LogCallCommand(Guid SchoolId, Guid GroupId, Guid RoundId, Guid StudentId, Guid? HouseholdId, CallOutcome Outcome);

/// <summary>
/// Logs a call to a family of the group about one of the year's rounds. Who may follow up the group may log; the child,
/// household and round must be the group's, so a form cannot write a call about another school's family.
/// </summary>
public sealed class LogCall(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(LogCallCommand command, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == command.GroupId && g.SchoolId == command.SchoolId)
            .Select(g => new { g.Id, g.SchoolYearId }).FirstOrDefaultAsync(ct);
        if (group is null || access.UserId is not { } userId
                          || !await access.MayAsync(Resource.GroupCoverage, Act.Change, Target.Group(command.GroupId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var inGroup = await db.Enrollments.AnyAsync(e => e.GroupId == group.Id && e.StudentId == command.StudentId, ct);
        var roundCovers = await db.Rounds.AnyAsync(r => r.Id == command.RoundId && r.SchoolId == command.SchoolId && r.SchoolYearId == group.SchoolYearId
                                                       && r.Status == RoundStatus.Published && CoverageFacts.BasicKinds.Contains(r.Kind)
                                                       && db.RoundGroups.Any(x => x.RoundId == r.Id && x.GroupId == group.Id), ct);
        var households = FamilyContacts.Of(db, command.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => c.StudentId == command.StudentId && c.HouseholdId != null);
        var householdFits = command.HouseholdId is { } h ? await households.AnyAsync(c => c.HouseholdId == h, ct) : !await households.AnyAsync(ct);
        if (!inGroup || !roundCovers || !householdFits || !Enum.IsDefined(command.Outcome))
        {
            return Result<Guid>.Invalid(new FieldError("", "Call.Invalid"));
        }
        var call = new FollowUpCall
        {
            SchoolId = command.SchoolId, RoundId = command.RoundId, StudentId = command.StudentId, HouseholdId = command.HouseholdId,
            CalledByUserId = userId, CalledAt = clock.GetUtcNow().UtcDateTime, Outcome = command.Outcome,
        };
        db.FollowUpCalls.Add(call);
        await db.SaveChangesAsync(ct);
        return call.Id;
    }
}
