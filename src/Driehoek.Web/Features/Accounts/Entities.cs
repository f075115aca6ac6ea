using Microsoft.AspNetCore.Identity;

namespace Driehoek.Web.Features.Accounts;

/// <summary>One login. A person may be a guardian, a student and a staff member at once.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }
    public string PreferredLanguage { get; set; } = "nl";
    public DateTime CreatedAt { get; set; }
}

public enum AccountInvitationKind
{
    Guardian = 1,
    Student = 2,
    Staff = 3,
}

/// <summary>
/// A single-use link with which a guardian, student or staff member creates their login.
/// Only a hash of the token is stored, so a database leak does not leak working links.
/// </summary>
public sealed class AccountInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BoardId { get; set; }
    public Guid SchoolId { get; set; }
    public AccountInvitationKind Kind { get; set; }
    public Guid PersonId { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
}

public enum AccountInvitationRunStatus
{
    Queued = 1,
    Sending = 2,
    Done = 3,
    Failed = 4,
}

/// <summary>
/// One "send to all" of a school leader, sent in the background in chunks (<see cref="AccountInvitationJob"/>).
/// <see cref="OpenKey"/> is set while the run is unfinished and is unique: a second click joins the run
/// that is already going instead of starting another.
/// </summary>
public sealed class AccountInvitationRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public AccountInvitationKind Kind { get; set; }
    public AccountInvitationRunStatus Status { get; set; } = AccountInvitationRunStatus.Queued;
    public string? OpenKey { get; set; }
    /// <summary>People without an account or open invitation when the run was started.</summary>
    public int Total { get; set; }
    /// <summary>Invitations written so far; saved with each chunk's invitations and e-mails.</summary>
    public int Sent { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public Guid CreatedByUserId { get; set; }

    public static string OpenKeyFor(Guid schoolId, AccountInvitationKind kind) => $"{schoolId:N}:{(int)kind}";
}
