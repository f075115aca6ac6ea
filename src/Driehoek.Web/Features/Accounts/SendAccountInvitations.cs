using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Accounts;

public sealed record SendAccountInvitationsCommand(Guid SchoolId, AccountInvitationKind Kind);

/// <summary>
/// "Send to all": starts a run that e-mails join links, in the background, to everyone of one kind at the
/// school with an e-mail address and no login or valid invitation yet. The run and its job are saved
/// together. While a run of this school and kind is unfinished, pressing again answers that run.
/// </summary>
public sealed class SendAccountInvitations(AppDbContext db, Access access, JobQueue jobs, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(SendAccountInvitationsCommand command, CancellationToken ct)
    {
        if (!Enum.IsDefined(command.Kind)
            || !await access.MayAsync(Resource.AccountInvitations, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var key = AccountInvitationRun.OpenKeyFor(command.SchoolId, command.Kind);
        if (await OpenRunAsync(key, ct) is { } open)
        {
            return open;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new AccountInvitationRun
        {
            SchoolId = command.SchoolId, Kind = command.Kind, OpenKey = key, CreatedAt = now, CreatedByUserId = access.UserId!.Value,
            Total = await AccountInvitees.Eligible(db, command.SchoolId, command.Kind).NotInvited(db, command.SchoolId, command.Kind, now).CountAsync(ct),
        };
        db.AccountInvitationRuns.Add(run);
        jobs.Enqueue(AccountInvitationJob.Kind, run.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Two clicks at once: the other one's run is the one that sends.
            db.ChangeTracker.Clear();
            return await OpenRunAsync(key, ct) is { } other ? other : Result<Guid>.Conflict(new FieldError("", "Invitations.AlreadySending"));
        }
        return run.Id;
    }

    private Task<Guid?> OpenRunAsync(string key, CancellationToken ct) =>
        db.AccountInvitationRuns.AsNoTracking().Where(r => r.OpenKey == key).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
}
