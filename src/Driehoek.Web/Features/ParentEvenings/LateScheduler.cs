using Driehoek.Scheduling;
using Driehoek.Scheduling.Json;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// Places requests made after publication around the published schedule without moving any published
/// meeting (<see cref="LateInsertion"/>): a placed one becomes a booking at once, one that does not fit
/// is recorded as unplaced with its reason. Two late requests at once cannot both take the same time:
/// the published run's Version makes the second one start over.
/// </summary>
public sealed class LateScheduler(AppDbContext db, InstanceBuilder builder, SchedulePublisher publisher, ILogger<LateScheduler> log)
{
    public async Task InsertAsync(Guid roundId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await TryInsertAsync(roundId, ct);
                return;
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
            {
                log.LogInformation("Late insertion for round {RoundId} met a concurrent change; trying again", roundId);
            }
            catch (Driehoek.Scheduling.Validation.InstanceException ex)
            {
                // The request stays open; the school leader sees it on the schedule page.
                log.LogError(ex, "Late insertion for round {RoundId} does not fit the published schedule", roundId);
                break;
            }
        }
        db.ChangeTracker.Clear();
    }

    private async Task TryInsertAsync(Guid roundId, CancellationToken ct)
    {
        var run = await db.ScheduleRuns.FirstOrDefaultAsync(r => r.RoundId == roundId && r.PublishedAt != null, ct);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
        if (run?.Solution is null || round.Status == RoundStatus.Cancelled)
        {
            return;
        }
        var published = SolutionJson.Parse(run.Solution);
        var built = await builder.BuildAsync(round, run.MaxConsecutive, published, ct);
        if (built.Problems.Count > 0)
        {
            // The request stays open; the school leader sees it on the schedule page with the problem.
            log.LogWarning("Late insertion for round {RoundId} cannot build its instance: {Problem}", roundId, built.Problems[0].Key);
            return;
        }
        var ids = built.Requests.Keys.ToHashSet(StringComparer.Ordinal);
        var kept = published with
        {
            Assignments = published.Assignments.Where(a => ids.Contains(a.Request)).ToList(),
            Unplaced = published.Unplaced.Where(u => ids.Contains(u.Request)).ToList(),
        };
        var mentioned = kept.Assignments.Select(a => a.Request).Concat(kept.Unplaced.Select(u => u.Request)).ToHashSet(StringComparer.Ordinal);
        var fresh = ids.Where(id => !mentioned.Contains(id)).ToHashSet(StringComparer.Ordinal);
        if (fresh.Count == 0)
        {
            return;
        }
        var solution = LateInsertion.Insert(built.Instance, kept, fresh);
        var studentsTakePart = round.Participants.HasFlag(Participants.Student);
        if (studentsTakePart)
        {
            solution = ScheduleRules.RepairStudentClashes(built.Instance, solution, fresh.Contains);
        }
        var report = ScheduleRules.Check(built.Instance, solution, studentsTakePart);
        if (!report.IsFeasible)
        {
            log.LogError("Late insertion for round {RoundId} gave an infeasible schedule: {Violation}", roundId, report.Violations[0]);
            return;
        }
        var labels = new ScheduleLabels(ScheduleLabels.FromJson(run.Labels).Names.Concat(built.Labels.Names)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        if (await publisher.ApplyAsync(round, built.Instance, solution, fresh, labels, ct) is { } problem)
        {
            log.LogError("Late insertion for round {RoundId} could not book: {Problem}", roundId, problem.Key);
            return;
        }
        var before = RunMetrics.FromJson(run.Metrics);
        run.Instance = InstanceJson.Serialize(built.Instance);
        run.Solution = SolutionJson.Serialize(solution);
        run.Labels = labels.ToJson();
        run.Metrics = new RunMetrics(report.Metrics, before?.PlacementUpperBound, before?.Seconds ?? 0, before?.Iterations ?? 0).ToJson();
        await db.SaveChangesAsync(ct);
        return;
    }
}
