using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

public sealed record SessionLine(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, int Slots, int Households);

public sealed record TeacherLoad(string Name, int RequestedSlots, int AvailableSlots);

public sealed record RunLine(Guid Id, ScheduleRunStatus Status, DateTime CreatedAt, DateTime? FinishedAt, int? Placed, int? Requests, bool Published, int Moves);

public sealed record LaterLine(string Label, string Family, RequestOutcome Outcome, bool Late, string? Reason);

public sealed record SchedulePlan(
    ConversationRound Round, IReadOnlyList<SessionLine> Sessions, int Households, int Requests, int Doubles, IReadOnlyList<TeacherLoad> Teachers,
    IReadOnlyList<FieldError> Problems, IReadOnlyList<RunLine> Runs, Guid? RunningRunId, Guid? PublishedRunId, IReadOnlyList<LaterLine> AfterPublication);

/// <summary>
/// The school leader's view of a round in request mode: the sessions, how many asked for what, how busy
/// each teacher will be, what would stop a run now, the runs so far, and after publication the late
/// requests and what happened to them.
/// </summary>
public sealed class GetSchedulePlan(AppDbContext db, Access access, InstanceBuilder builder)
{
    public async Task<Result<SchedulePlan>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var round = await RoundAccess.ManageableAsync(db, access, roundId, Resource.Schedule, ct);
        if (round is null)
        {
            return Result<SchedulePlan>.NotFound();
        }
        var sessions = await db.RoundSessions.AsNoTracking().Where(s => s.RoundId == roundId).OrderBy(s => s.Date).ThenBy(s => s.Start)
            .Select(s => new { s.Id, s.Date, s.Start, s.End, Households = db.FamilySessions.Count(f => f.SessionId == s.Id) })
            .ToListAsync(ct);
        var requests = await db.ConversationRequests.AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync(ct);
        var runs = await db.ScheduleRuns.AsNoTracking().Where(r => r.RoundId == roundId).OrderByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.Status, r.CreatedAt, r.FinishedAt, r.Metrics, r.PublishedAt, r.Moves }).ToListAsync(ct);
        var publishedRun = runs.FirstOrDefault(r => r.PublishedAt is not null);
        var built = await builder.BuildAsync(round, null, null, ct);
        var load = built.Instance.Teachers.Select(t => new TeacherLoad(built.Labels[t.Id],
                built.Instance.Families.SelectMany(f => f.Requests).Where(r => r.Teachers.Contains(t.Id)).Sum(r => r.Length),
                t.Available?.Count ?? 0))
            .OrderByDescending(t => t.RequestedSlots - t.AvailableSlots).ThenBy(t => t.Name).ToList();
        var later = publishedRun is null ? [] : requests.Where(r => r.Late || r.Outcome != RequestOutcome.Scheduled)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new LaterLine(built.Labels[ScheduleLabels.Id(r.Id)], built.Labels[ScheduleLabels.Id(r.HouseholdId)], r.Outcome, r.Late, r.UnplacedReason))
            .ToList();
        return new SchedulePlan(round,
            sessions.Select(s => new SessionLine(s.Id, s.Date, s.Start, s.End, (int)((s.End - s.Start).TotalMinutes / round.LengthMinutes), s.Households)).ToList(),
            requests.Select(r => r.HouseholdId).Distinct().Count(), requests.Count, requests.Count(r => r.DoubleLength), load,
            publishedRun is null ? built.Problems : [],
            runs.Select(r =>
            {
                var m = RunMetrics.FromJson(r.Metrics);
                return new RunLine(r.Id, r.Status, r.CreatedAt, r.FinishedAt, m?.Schedule.PlacedCount, m?.Schedule.RequestCount, r.PublishedAt is not null, r.Moves);
            }).ToList(),
            runs.FirstOrDefault(r => r.Status is ScheduleRunStatus.Queued or ScheduleRunStatus.Running)?.Id, publishedRun?.Id, later);
    }
}
