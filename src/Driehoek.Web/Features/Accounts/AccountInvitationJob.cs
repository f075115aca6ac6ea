using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Jobs;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Accounts;

/// <summary>
/// Sends a run's join links in chunks. Each chunk's invitations, their e-mails (outbox rows) and the run's
/// count commit in one save; the people are read as "eligible and no valid invitation yet", so a run that is
/// claimed again after its instance died carries on where the last save left off and invites nobody twice.
/// </summary>
public sealed class AccountInvitationJob(
    AppDbContext db, Outbox outbox, TimeProvider clock, IStringLocalizer<AccountsText> text, IConfiguration config) : IJobHandler
{
    public const string Kind = "account-invitations";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var run = await db.AccountInvitationRuns.SingleOrDefaultAsync(r => r.Id == job.SubjectId, ct);
        if (run is null || run.Status is AccountInvitationRunStatus.Done or AccountInvitationRunStatus.Failed)
        {
            return;
        }
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == run.SchoolId).Select(s => new { s.Id, s.BoardId, s.Name }).SingleAsync(ct);
        var site = AppLinks.BaseUrl(config);
        var chunkSize = config.GetValue("Accounts:InvitationChunk", 200);
        run.Status = AccountInvitationRunStatus.Sending;
        // Read once, in one query: a run is the only writer of its school's invitations of this kind (one run
        // is open at a time), so whom an earlier claim of it already invited is left out here.
        var people = await AccountInvitees.Eligible(db, run.SchoolId, run.Kind)
            .NotInvited(db, run.SchoolId, run.Kind, clock.GetUtcNow().UtcDateTime).ToListAsync(ct);
        foreach (var chunk in people.Chunk(chunkSize))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var person in chunk)
            {
                var token = SecretTokens.Create();
                var expires = now + AccountInvitationTokens.Lifetime;
                db.AccountInvitations.Add(new AccountInvitation
                {
                    BoardId = school.BoardId, SchoolId = school.Id, Kind = run.Kind, PersonId = person.PersonId, Email = person.Email,
                    TokenHash = SecretTokens.Hash(token), CreatedAt = now, ExpiresAt = expires, CreatedByUserId = run.CreatedByUserId,
                });
                outbox.Email(Compose(person, school.Name, $"{site}/join/{token}", expires));
            }
            run.Sent += chunk.Length;
            await db.SaveChangesAsync(ct);
            // Only the run stays tracked: a school's thousands of sent rows need not be.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != run).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
        run.Status = AccountInvitationRunStatus.Done;
        run.OpenKey = null;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public async Task GiveUpAsync(JobContext job, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AccountInvitationRuns.Where(r => r.Id == job.SubjectId && r.OpenKey != null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, AccountInvitationRunStatus.Failed).SetProperty(r => r.OpenKey, (string?)null)
            .SetProperty(r => r.FinishedAt, now), ct);
    }

    private EmailMessage Compose(AccountInvitee person, string schoolName, string link, DateTime expiresUtc)
    {
        using var _ = CultureScope.Use(person.Language);
        var until = SchoolCalendar.ToLocal(expiresUtc).ToString("D");
        return new EmailMessage(person.Email,
            text["Invite.Subject", schoolName],
            text["Invite.Body", person.Name, schoolName, link, until],
            person.Language);
    }
}
