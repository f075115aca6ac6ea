namespace Driehoek.Web.Features.Accounts;

public sealed record AccountInvitationRunView(
    Guid Id, Guid SchoolId, string SchoolName, AccountInvitationKind Kind, AccountInvitationRunStatus Status, int Total, int Sent)
{
    public bool Finished => Status is AccountInvitationRunStatus.Done or AccountInvitationRunStatus.Failed;
}

/// <summary>A "send to all" and how far it is, for its progress page.</summary>
public sealed class GetAccountInvitationRun(AppDbContext db, Access access)
{
    public async Task<Result<AccountInvitationRunView>> HandleAsync(Guid schoolId, Guid runId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.AccountInvitations, Act.View, Target.School(schoolId), ct))
        {
            return Result<AccountInvitationRunView>.NotFound();
        }
        var run = await db.AccountInvitationRuns.AsNoTracking().Where(r => r.Id == runId && r.SchoolId == schoolId)
            .Join(db.Schools, r => r.SchoolId, s => s.Id, (r, s) => new AccountInvitationRunView(r.Id, r.SchoolId, s.Name, r.Kind, r.Status, r.Total, r.Sent))
            .FirstOrDefaultAsync(ct);
        return run is null ? Result<AccountInvitationRunView>.NotFound() : run;
    }
}
