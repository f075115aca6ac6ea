using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Rollover;

/// <param name="Stamp">the preview's fingerprint of the year (<see cref="YearContents.Stamp"/>)</param>
/// <param name="Sure">the leader ticked that the rollover cannot simply be undone</param>
public sealed record RollOverCommand(Guid SchoolId, int? FinalLevel, IReadOnlyList<GroupChoice> Groups, string? Stamp, bool Sure);

/// <summary>Where a run stands; tests stop a run at one of them to show an interrupted rollover leaves nothing behind.</summary>
public enum RolloverStep
{
    GroupsSaved,
    StudentsSaved,
}

/// <summary>Called at each step of a run (nothing listens outside tests).</summary>
public sealed class RolloverCheckpoints
{
    public Func<RolloverStep, Task>? Reached { get; set; }

    public Task PassAsync(RolloverStep step) => Reached?.Invoke(step) ?? Task.CompletedTask;
}

/// <summary>What else happens, in the rollover's transaction, when a school year is rolled over (e.g. a job queued).</summary>
public interface IYearRolledOver
{
    Task RolledOverAsync(YearRollover rollover, CancellationToken ct);
}

/// <summary>
/// Moves a school into the next school year, all or nothing: next year's groups (carried forward, renamed as the
/// preview showed), each carried student's enrollment in them (the same student record, so the timeline runs on),
/// the group teachers and mentors who go along, and the leavers of the year that ends. Last year's rows are not
/// touched. One transaction; a second run (a double click, another app instance) finds the first one's record, or
/// loses on its unique index, and answers with the rollover that was made.
/// </summary>
public sealed class RollOverSchool(AppDbContext db, Access access, TimeProvider clock, AuditLog audit, RolloverCheckpoints checkpoints,
    IEnumerable<IYearRolledOver> followers)
{
    public async Task<Result<Guid>> HandleAsync(RollOverCommand command, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SchoolId, ct);
        if (school is null || !await access.MayAsync(Resource.Rollover, Act.Change, Target.School(school.Id), ct))
        {
            return Result<Guid>.NotFound();
        }
        var status = await RolloverStatus.OfAsync(db, school.Id, SchoolCalendar.Today(clock), ct);
        switch (status.State)
        {
            case RolloverState.Done:
                return status.Last!.Id;
            case RolloverState.NoYear:
                return Result<Guid>.Invalid(new FieldError("", "State.NoYear"));
            case RolloverState.NextYearFilled:
                return Result<Guid>.Invalid(new FieldError("", "State.NextYearFilled", status.ToName!));
            case RolloverState.NotYetOpen:
                return Result<Guid>.Invalid(new FieldError("", "State.NotYetOpen", status.ToName!, status.OpensOn!.Value.ToString("D")));
        }
        if (!command.Sure)
        {
            return Result<Guid>.Invalid(new FieldError("sure", "Rollover.SureMissing"));
        }
        var from = status.From!;
        var contents = await YearContents.LoadAsync(db, from, ct);
        if (command.Stamp != contents.Stamp)
        {
            return Result<Guid>.Conflict(new FieldError("", "Rollover.ChangedSincePreview"));
        }
        var finalLevel = command.FinalLevel is >= 1 and <= 20 ? command.FinalLevel.Value : contents.DefaultFinalLevel(school.Kind);
        var plan = contents.Plan(finalLevel, command.Groups);
        var errors = YearContents.Check(plan);
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid([.. errors]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Inside the transaction (on SQLite a writer's turn): a run that finished meanwhile is the answer.
            if (await db.YearRollovers.AsNoTracking().FirstOrDefaultAsync(r => r.FromYearId == from.Id, ct) is { } made)
            {
                return made.Id;
            }
            var rollover = await WriteAsync(school, status, plan, contents, ct);
            await transaction.CommitAsync(ct);
            return rollover;
        }
        catch (Exception ex) when (DbErrors.LostRace(ex))
        {
            // The other confirmation won (its unique index, or on PostgreSQL a serialization failure or deadlock): its rollover is the answer.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var made = await db.YearRollovers.AsNoTracking().FirstOrDefaultAsync(r => r.FromYearId == from.Id, CancellationToken.None);
            return made is not null ? made.Id : Result<Guid>.Conflict(new FieldError("", "Rollover.ChangedSincePreview"));
        }
    }

    private async Task<Guid> WriteAsync(School school, RolloverStatus status, IReadOnlyList<PlannedGroup> plan, YearContents contents, CancellationToken ct)
    {
        var from = status.From!;
        var year = status.ExistingTo is { } existing
            ? await db.SchoolYears.SingleAsync(y => y.Id == existing.Id, ct)
            : db.SchoolYears.Add(new SchoolYear { SchoolId = school.Id, Name = status.ToName!, StartsOn = status.ToStart, EndsOn = status.ToEnd }).Entity;

        // Groups given the same name become one group.
        var newGroups = new Dictionary<string, Group>(StringComparer.CurrentCultureIgnoreCase);
        var groupOf = new Dictionary<Guid, Group>();
        foreach (var p in plan.Where(p => !p.Leaves))
        {
            if (!newGroups.TryGetValue(p.NewName, out var group))
            {
                group = db.Groups.Add(new Group { SchoolId = school.Id, SchoolYearId = year.Id, Name = p.NewName, Level = p.NewLevel }).Entity;
                newGroups[p.NewName] = group;
            }
            groupOf[p.GroupId] = group;
        }
        var rollover = new YearRollover
        {
            SchoolId = school.Id, FromYearId = from.Id, ToYearId = year.Id, ByUserId = access.UserId!.Value,
            RolledOverAt = clock.GetUtcNow().UtcDateTime, Groups = newGroups.Count,
        };
        db.Add(rollover);
        await db.SaveChangesAsync(ct);
        await checkpoints.PassAsync(RolloverStep.GroupsSaved);

        var leaving = plan.Where(p => p.Leaves).Select(p => p.GroupId).ToHashSet();
        foreach (var student in contents.Students)
        {
            if (leaving.Contains(student.GroupId))
            {
                db.Add(new Leaver { SchoolId = school.Id, StudentId = student.StudentId, SchoolYearId = from.Id, RolloverId = rollover.Id });
                rollover.Leavers++;
            }
            else if (groupOf.TryGetValue(student.GroupId, out var group))
            {
                db.Enrollments.Add(new Enrollment { SchoolId = school.Id, StudentId = student.StudentId, GroupId = group.Id, SchoolYearId = year.Id });
                rollover.Students++;
            }
        }
        await db.SaveChangesAsync(ct);
        await checkpoints.PassAsync(RolloverStep.StudentsSaved);

        var carriedBy = plan.Where(p => !p.Leaves && p.CarryTeachers).Select(p => p.GroupId).ToHashSet();
        foreach (var (staff, role, group) in contents.Leads.Where(l => carriedBy.Contains(l.GroupId))
                     .Select(l => (l.StaffMemberId, l.Role, groupOf[l.GroupId])).Distinct())
        {
            db.StaffAssignments.Add(new StaffAssignment { SchoolId = school.Id, StaffMemberId = staff, Role = role, GroupId = group.Id });
            rollover.StaffCarried++;
        }
        foreach (var follower in followers)
        {
            await follower.RolledOverAsync(rollover, ct);
        }
        audit.Record("rollover.made", "school", school.Id, access.UserId, school.Id);
        await db.SaveChangesAsync(ct);
        return rollover.Id;
    }
}
