namespace Driehoek.Web.Features.Tasks;

public sealed record CompleteTaskCommand(Guid StaffId, Guid TaskId, Guid Version, string? Note);

/// <summary>
/// Marks a task done with a short note. Only an open task of this staff member, at the version the form showed: a
/// colleague who marked it meanwhile is not overwritten.
/// </summary>
public sealed class CompleteTask(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(CompleteTaskCommand command, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.StaffTasks, Act.Change, Target.StaffMember(command.StaffId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var note = command.Note?.Trim();
        if (note is { Length: > TaskLimits.MaxNote })
        {
            return Result<Guid>.Invalid(new FieldError("note", "Task.NoteTooLong", TaskLimits.MaxNote));
        }
        var task = await db.Set<StaffTask>().FirstOrDefaultAsync(t => t.Id == command.TaskId && t.OwnerId == command.StaffId, ct);
        if (task is null)
        {
            return Result<Guid>.Invalid(new FieldError("", "Task.Gone"));
        }
        if (task.State == TaskState.Done)
        {
            return Result<Guid>.Conflict(new FieldError("", "Task.AlreadyDone"));
        }
        if (task.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Task.ChangedMeanwhile"));
        }
        var profile = await access.ProfileAsync(ct);
        task.State = TaskState.Done;
        task.DoneAt = clock.GetUtcNow().UtcDateTime;
        task.DoneNote = string.IsNullOrEmpty(note) ? null : note;
        task.DoneById = profile.Staff.Where(s => s.SchoolId == task.SchoolId).Select(s => (Guid?)s.StaffMemberId).FirstOrDefault();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Task.ChangedMeanwhile"));
        }
        return task.Id;
    }
}

public sealed record SetQuietHoursCommand(Guid StaffId, TimeOnly? Start, TimeOnly? End);

/// <summary>A staff member's quiet hours: mail about tasks waits until they end.</summary>
public sealed class SetQuietHours(AppDbContext db, Access access)
{
    public async Task<Result<Guid>> HandleAsync(SetQuietHoursCommand command, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.StaffTasks, Act.Change, Target.StaffMember(command.StaffId), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (command.Start is not { } start || command.End is not { } end)
        {
            return Result<Guid>.Invalid(new FieldError("quietStart", "Quiet.Required"));
        }
        var row = await db.Set<StaffQuietHours>().FirstOrDefaultAsync(q => q.StaffMemberId == command.StaffId, ct);
        if (row is null)
        {
            row = new StaffQuietHours { StaffMemberId = command.StaffId };
            db.Add(row);
        }
        row.Start = start;
        row.End = end;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Result<Guid>.Conflict(new FieldError("", "Quiet.SavedMeanwhile"));
        }
        return command.StaffId;
    }
}
