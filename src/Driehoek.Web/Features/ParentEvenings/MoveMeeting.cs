using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Model;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>Moves one meeting (or places an unplaced one) to <paramref name="Start"/>, optionally with the other teacher of a duo.</summary>
public sealed record MoveMeetingCommand(Guid RunId, Guid Version, string RequestId, int Start, string? TeacherId);

/// <summary>
/// A school leader moves a meeting by hand before publishing. The whole schedule is checked again; a move
/// that breaks a hard rule is refused with the rule in words, a good one is saved (the run's Version
/// guards against two leaders editing at once).
/// </summary>
public sealed class MoveMeeting(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(MoveMeetingCommand command, CancellationToken ct)
    {
        if (await RunAccess.ManageableAsync(db, access, command.RunId, ct) is not var (run, round))
        {
            return Result<Guid>.NotFound();
        }
        if (run.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Schedule.ChangedByOther"));
        }
        if (run.Status != ScheduleRunStatus.Finished || run.PublishedAt is not null || run.Solution is null)
        {
            return Result<Guid>.Invalid(new FieldError("", "Move.NotEditable"));
        }
        var instance = InstanceJson.Parse(run.Instance);
        var solution = SolutionJson.Parse(run.Solution);
        var labels = ScheduleLabels.FromJson(run.Labels);
        var index = ScheduleRules.Index(instance);
        if (!index.TryGetValue(command.RequestId, out var found))
        {
            return Result<Guid>.NotFound();
        }
        if (command.Start < 0 || command.Start >= SlotCalendar.From(instance).SlotCount)
        {
            return Result<Guid>.Invalid(new FieldError("Start", "Move.NoSuchTime"));
        }
        var current = solution.Assignments.FirstOrDefault(a => a.Request == command.RequestId);
        var teacher = string.IsNullOrEmpty(command.TeacherId) ? current?.Teacher ?? found.Request.Teachers[0] : command.TeacherId;
        var moved = solution with
        {
            Assignments = [.. solution.Assignments.Where(a => a.Request != command.RequestId), new Assignment(command.RequestId, teacher, command.Start)],
            Unplaced = solution.Unplaced.Where(u => u.Request != command.RequestId).ToList(),
        };
        var report = ScheduleRules.Check(instance, moved, round.Participants.HasFlag(Participants.Student));
        if (!report.IsFeasible)
        {
            return Result<Guid>.Invalid([new FieldError("", "Move.Refused", labels[command.RequestId]),
                .. report.Violations.Select(v => ViolationText.From(v, labels))]);
        }
        var before = RunMetrics.FromJson(run.Metrics);
        run.Solution = SolutionJson.Serialize(moved);
        run.Metrics = new RunMetrics(report.Metrics, before?.PlacementUpperBound, before?.Seconds ?? 0, before?.Iterations ?? 0).ToJson();
        run.Moves++;
        run.EditedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Schedule.ChangedByOther"));
        }
        return run.Id;
    }
}
