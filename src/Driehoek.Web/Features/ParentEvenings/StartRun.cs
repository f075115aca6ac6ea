using Driehoek.Scheduling.Json;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Driehoek.Web.Features.ParentEvenings;

public sealed record StartRunCommand(Guid RoundId, int? MaxConsecutive);

/// <summary>
/// A school leader starts the scheduler for a round. The instance is built and checked here, so a problem
/// (a teacher without times, a group without a teacher) is named at once; the solving goes to the
/// background job. A round has one run at a time.
/// </summary>
public sealed class StartRun(AppDbContext db, Access access, TimeProvider clock, InstanceBuilder builder, JobQueue jobs, IOptions<ScheduleOptions> options)
{
    public async Task<Result<Guid>> HandleAsync(StartRunCommand command, CancellationToken ct)
    {
        var round = await RoundAccess.ManageableAsync(db, access, command.RoundId, Resource.Schedule, ct);
        if (round is null)
        {
            return Result<Guid>.NotFound();
        }
        if (round.Status == RoundStatus.Cancelled)
        {
            return Result<Guid>.Invalid(new FieldError("", "Schedule.RoundCancelled"));
        }
        if (round.Mode != RoundMode.Requests)
        {
            return Result<Guid>.Invalid(new FieldError("", "Schedule.NotRequestMode"));
        }
        if (await RequestChecks.PublishedAsync(db, round.Id, ct))
        {
            return Result<Guid>.Invalid(new FieldError("", "Schedule.AlreadyPublished"));
        }
        if (command.MaxConsecutive is < 1 or > 100)
        {
            return Result<Guid>.Invalid(new FieldError("MaxConsecutive", "Schedule.MaxConsecutiveInvalid"));
        }
        var built = await builder.BuildAsync(round, command.MaxConsecutive, null, ct);
        if (built.Problems.Count > 0)
        {
            return Result<Guid>.Invalid(built.Problems.ToArray());
        }
        var runs = await db.ScheduleRuns.CountAsync(r => r.RoundId == round.Id, ct);
        var run = new ScheduleRun
        {
            SchoolId = round.SchoolId, RoundId = round.Id, RunningKey = round.Id.ToString("N"),
            TimeBudgetSeconds = Math.Clamp(options.Value.TimeBudgetSeconds, 1, 600), MaxConsecutive = command.MaxConsecutive, Seed = runs + 1,
            Instance = InstanceJson.Serialize(built.Instance), Labels = built.Labels.ToJson(),
            StartedBy = access.UserId!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ScheduleRuns.Add(run);
        jobs.Enqueue(ScheduleRunJob.Kind, run.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Result<Guid>.Conflict(new FieldError("", "Schedule.AlreadyRunning"));
        }
        return run.Id;
    }
}

/// <summary>Stops a queued or running run; the instance solving it notices within a heartbeat and keeps nothing.</summary>
public sealed class CancelRun(AppDbContext db, Access access, JobQueue jobs, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(Guid runId, CancellationToken ct)
    {
        if (await RunAccess.ManageableAsync(db, access, runId, ct) is not var (run, _))
        {
            return Result<Guid>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var stopped = await db.ScheduleRuns
            .Where(r => r.Id == run.Id && (r.Status == ScheduleRunStatus.Queued || r.Status == ScheduleRunStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScheduleRunStatus.Cancelled).SetProperty(r => r.RunningKey, (string?)null)
                .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Version, Guid.NewGuid()), ct);
        if (stopped == 1)
        {
            await jobs.CancelAsync(ScheduleRunJob.Kind, run.Id, ct);
        }
        return stopped == 1 ? run.Id : Result<Guid>.Invalid(new FieldError("", "Schedule.NotRunning"));
    }
}
