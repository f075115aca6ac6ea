using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Model;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

public sealed record PublishScheduleCommand(Guid RunId, Guid Version);

/// <summary>
/// Publishes a reviewed schedule: every meeting becomes a booking (calendar e-mail to the household) and
/// every family with an unplaced request hears why, all in one transaction. The schedule is first checked
/// against the requests and availability as they are now, so nothing changed since the run is published blind.
/// </summary>
public sealed class PublishSchedule(AppDbContext db, Access access, TimeProvider clock, InstanceBuilder builder, SchedulePublisher publisher)
{
    public async Task<Result<int>> HandleAsync(PublishScheduleCommand command, CancellationToken ct)
    {
        if (await RunAccess.ManageableAsync(db, access, command.RunId, ct) is not var (run, round))
        {
            return Result<int>.NotFound();
        }
        if (run.Version != command.Version)
        {
            return Result<int>.Conflict(new FieldError("", "Schedule.ChangedByOther"));
        }
        if (round.Status != RoundStatus.Published)
        {
            return Result<int>.Invalid(new FieldError("", round.Status == RoundStatus.Cancelled ? "Schedule.RoundCancelled" : "Publish.RoundNotPublished"));
        }
        if (run.PublishedAt is not null || await RequestChecks.PublishedAsync(db, round.Id, ct))
        {
            return Result<int>.Invalid(new FieldError("", "Schedule.AlreadyPublished"));
        }
        if (run.Status != ScheduleRunStatus.Finished || run.Solution is null)
        {
            return Result<int>.Invalid(new FieldError("", "Publish.NotFinished"));
        }
        var instance = InstanceJson.Parse(run.Instance);
        var solution = SolutionJson.Parse(run.Solution);
        var labels = ScheduleLabels.FromJson(run.Labels);
        if (await CheckCurrentAsync(round, run, instance, solution, labels, ct) is { Count: > 0 } stale)
        {
            return Result<int>.Invalid(stale.ToArray());
        }

        var all = ScheduleRules.Index(instance).Keys.ToHashSet(StringComparer.Ordinal);
        if (await publisher.ApplyAsync(round, instance, solution, all, labels, ct) is { } problem)
        {
            return Result<int>.Invalid(problem);
        }
        run.PublishedAt = clock.GetUtcNow().UtcDateTime;
        run.PublishedBy = access.UserId;
        run.PublishedKey = round.Id.ToString("N");
        try
        {
            // One SaveChanges: bookings, time claims, requests, e-mails and the run commit together.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<int>.Conflict(new FieldError("", "Schedule.ChangedByOther"));
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Result<int>.Conflict(new FieldError("", "Publish.Clash"));
        }
        return solution.Assignments.Count;
    }

    /// <summary>The requests must be the ones scheduled, and the schedule must still keep every rule with today's availability.</summary>
    private async Task<List<FieldError>> CheckCurrentAsync(ConversationRound round, ScheduleRun run, Instance instance, Solution solution,
        ScheduleLabels labels, CancellationToken ct)
    {
        var current = await builder.BuildAsync(round, run.MaxConsecutive, null, ct);
        if (current.Problems.Count > 0)
        {
            return current.Problems.ToList();
        }
        if (current.Instance.SlotMinutes != instance.SlotMinutes
            || System.Text.Json.JsonSerializer.Serialize(current.Instance.Days) != System.Text.Json.JsonSerializer.Serialize(instance.Days))
        {
            return [new FieldError("", "Publish.SessionsChanged")];
        }
        var scheduled = ScheduleRules.Index(instance).Keys.ToHashSet(StringComparer.Ordinal);
        var now = current.Requests.Keys.ToHashSet(StringComparer.Ordinal);
        if (!scheduled.SetEquals(now))
        {
            return [new FieldError("", "Publish.RequestsChanged", now.Except(scheduled).Count(), scheduled.Except(now).Count())];
        }
        var report = ScheduleRules.Check(current.Instance, solution, round.Participants.HasFlag(Participants.Student));
        return report.IsFeasible
            ? []
            : [new FieldError("", "Publish.NoLongerFits"), .. report.Violations.Take(20).Select(v => ViolationText.From(v, labels))];
    }
}
