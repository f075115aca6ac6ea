using Microsoft.AspNetCore.Identity;

namespace Driehoek.Web.Features.Accounts;

public enum AccountInvitationState
{
    Valid,
    Unknown,
    Used,
    Expired,
}

/// <param name="LanguageOnFile">the language the school has for the person (a guardian's, from the roster); null when it has none</param>
public sealed record AccountInvitationInfo(AccountInvitationState State, AccountInvitationKind Kind, string PersonName, string SchoolName, string Email, bool HasAccount,
    string? LanguageOnFile = null);

public sealed record AcceptAccountInvitationCommand(string Token, string Password, string Language);

/// <summary>
/// Turns a join link into a login: a new account, or, when the address already has one (a parent
/// with children at two schools), a link to it after the existing password is given.
/// </summary>
public sealed class AcceptAccountInvitation(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<AccountInvitationInfo> LookupAsync(string token, CancellationToken ct)
    {
        var invitation = await FindAsync(token, ct);
        if (invitation is null)
        {
            return new AccountInvitationInfo(AccountInvitationState.Unknown, default, "", "", "", false);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var state = invitation.UsedAt is not null ? AccountInvitationState.Used
            : invitation.ExpiresAt <= now ? AccountInvitationState.Expired
            : AccountInvitationState.Valid;
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == invitation.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var name = await PersonNameAsync(invitation, ct);
        var hasAccount = await users.FindByEmailAsync(invitation.Email) is not null;
        var language = invitation.Kind == AccountInvitationKind.Guardian
            ? await db.Guardians.AsNoTracking().Where(g => g.Id == invitation.PersonId).Select(g => g.PreferredLanguage).SingleAsync(ct)
            : null;
        return new AccountInvitationInfo(state, invitation.Kind, name, school, invitation.Email, hasAccount,
            Infrastructure.Localization.Cultures.IsSupported(language) ? language : null);
    }

    public async Task<Result<AppUser>> HandleAsync(AcceptAccountInvitationCommand command, CancellationToken ct)
    {
        var invitation = await FindAsync(command.Token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation is null)
        {
            return Result<AppUser>.NotFound();
        }
        if (invitation.UsedAt is not null || invitation.ExpiresAt <= now)
        {
            return Result<AppUser>.Invalid(new FieldError("", invitation.UsedAt is not null ? "Join.Used" : "Join.Expired"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claim the link first: of two tabs submitting at once, one wins and the other is told.
        var claimed = await db.AccountInvitations
            .Where(i => i.Id == invitation.Id && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), ct);
        if (claimed != 1)
        {
            return Result<AppUser>.Invalid(new FieldError("", "Join.Used"));
        }

        var user = await users.FindByEmailAsync(invitation.Email);
        if (user is not null)
        {
            if (!await users.CheckPasswordAsync(user, command.Password))
            {
                return Result<AppUser>.Invalid(new FieldError("Password", "Join.ExistingPasswordWrong"));
            }
        }
        else
        {
            user = new AppUser
            {
                UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true,
                DisplayName = await PersonNameAsync(invitation, ct), PreferredLanguage = command.Language, CreatedAt = now,
            };
            var created = await users.CreateAsync(user, command.Password);
            if (!created.Succeeded)
            {
                return Result<AppUser>.Invalid(created.Errors.Select(e => new FieldError("Password", e.Code)).ToArray());
            }
        }

        await LinkAsync(invitation, user.Id, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    private async Task LinkAsync(AccountInvitation invitation, Guid userId, CancellationToken ct)
    {
        switch (invitation.Kind)
        {
            case AccountInvitationKind.Guardian:
                (await db.Guardians.SingleAsync(g => g.Id == invitation.PersonId, ct)).UserId = userId;
                break;
            case AccountInvitationKind.Student:
                (await db.Students.SingleAsync(s => s.Id == invitation.PersonId, ct)).UserId = userId;
                break;
            default:
                (await db.StaffMembers.SingleAsync(m => m.Id == invitation.PersonId, ct)).UserId = userId;
                break;
        }
    }

    private Task<AccountInvitation?> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return Task.FromResult<AccountInvitation?>(null);
        }
        var hash = SecretTokens.Hash(token);
        return db.AccountInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    private async Task<string> PersonNameAsync(AccountInvitation invitation, CancellationToken ct) => invitation.Kind switch
    {
        AccountInvitationKind.Guardian => (await db.Guardians.AsNoTracking().SingleAsync(g => g.Id == invitation.PersonId, ct)).FullName,
        AccountInvitationKind.Student => (await db.Students.AsNoTracking().SingleAsync(s => s.Id == invitation.PersonId, ct)).FullName,
        _ => (await db.StaffMembers.AsNoTracking().SingleAsync(m => m.Id == invitation.PersonId, ct)).FullName,
    };
}
