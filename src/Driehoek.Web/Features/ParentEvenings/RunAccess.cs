using Driehoek.Scheduling.Checking;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>Runs belong to their round's school leaders; anyone else is told "not found".</summary>
public static class RunAccess
{
    public static async Task<(ScheduleRun Run, ConversationRound Round)?> ManageableAsync(AppDbContext db, Access access, Guid runId, CancellationToken ct)
    {
        var run = await db.ScheduleRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        var round = run is null ? null : await RoundAccess.ManageableAsync(db, access, run.RoundId, Resource.Schedule, ct);
        return run is null || round is null ? null : (run, round);
    }
}
