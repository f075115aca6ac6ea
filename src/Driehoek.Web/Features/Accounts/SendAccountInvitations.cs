using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Accounts;

public sealed record SendAccountInvitationsCommand(Guid SchoolId, AccountInvitationKind Kind, IReadOnlyList<Guid>? PersonIds, bool Resend = false);

public sealed record AccountInvitee(Guid PersonId, string Name, string Email, string Language);

/// <summary>
/// E-mails join links to people of a school who have an e-mail address but no login yet. The
/// invitations and their e-mails are written in one transaction; the outbox sends them.
/// </summary>
public sealed class SendAccountInvitations(
    AppDbContext db, Access access, Outbox outbox, TimeProvider clock, IStringLocalizer<AccountsText> text, IConfiguration config)
{
    public async Task<Result<int>> HandleAsync(SendAccountInvitationsCommand command, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.AccountInvitations, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<int>.NotFound();
        }
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == command.SchoolId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await EligibleAsync(db, command.SchoolId, command.Kind, ct);
        if (command.PersonIds is { } ids)
        {
            candidates = candidates.Where(c => ids.Contains(c.PersonId)).ToList();
        }
        var open = await db.AccountInvitations
            .Where(i => i.SchoolId == command.SchoolId && i.Kind == command.Kind && i.UsedAt == null && i.ExpiresAt > now)
            .ToListAsync(ct);
        if (!command.Resend)
        {
            var pending = open.Select(i => i.PersonId).ToHashSet();
            candidates = candidates.Where(c => !pending.Contains(c.PersonId)).ToList();
        }
        else
        {
            // A new link replaces the old one, so only the newest works.
            var resent = candidates.Select(c => c.PersonId).ToHashSet();
            foreach (var old in open.Where(i => resent.Contains(i.PersonId)))
            {
                old.ExpiresAt = now;
            }
        }

        foreach (var person in candidates)
        {
            var token = SecretTokens.Create();
            var expires = now + AccountInvitationTokens.Lifetime;
            db.AccountInvitations.Add(new AccountInvitation
            {
                BoardId = school.BoardId, SchoolId = school.Id, Kind = command.Kind, PersonId = person.PersonId,
                Email = person.Email, TokenHash = SecretTokens.Hash(token), CreatedAt = now, ExpiresAt = expires,
                CreatedByUserId = access.UserId!.Value,
            });
            outbox.Email(Compose(person, school.Name, $"{AppLinks.BaseUrl(config)}/join/{token}", expires));
        }
        await db.SaveChangesAsync(ct);
        return candidates.Count;
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

    /// <summary>People of the school with an e-mail address and no login yet.</summary>
    public static async Task<List<AccountInvitee>> EligibleAsync(AppDbContext db, Guid schoolId, AccountInvitationKind kind, CancellationToken ct) => kind switch
    {
        AccountInvitationKind.Guardian => await db.Guardians.AsNoTracking()
            .Where(g => g.UserId == null && g.Email != null
                        && FamilyContacts.Of(db, schoolId, LimitedGuardianAccess.None).Any(c => c.GuardianId == g.Id))
            .OrderBy(g => g.LastName).ThenBy(g => g.FirstName)
            .Select(g => new AccountInvitee(g.Id, g.FirstName + " " + (g.LastNamePrefix == null ? "" : g.LastNamePrefix + " ") + g.LastName, g.Email!, g.PreferredLanguage))
            .ToListAsync(ct),
        AccountInvitationKind.Student => await db.Students.AsNoTracking()
            .Where(s => s.SchoolId == schoolId && s.UserId == null && s.Email != null)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new AccountInvitee(s.Id, s.FirstName + " " + (s.LastNamePrefix == null ? "" : s.LastNamePrefix + " ") + s.LastName, s.Email!, Cultures.Default))
            .ToListAsync(ct),
        _ => await db.StaffMembers.AsNoTracking()
            .Where(m => m.SchoolId == schoolId && m.UserId == null && m.Email != null)
            .OrderBy(m => m.LastName).ThenBy(m => m.FirstName)
            .Select(m => new AccountInvitee(m.Id, m.FirstName + " " + (m.LastNamePrefix == null ? "" : m.LastNamePrefix + " ") + m.LastName, m.Email!, Cultures.Default))
            .ToListAsync(ct),
    };
}
