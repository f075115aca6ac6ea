using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Accounts;

/// <summary>A person who may be invited to make an account; init properties rather than a constructor, so queries compose on it.</summary>
public sealed record AccountInvitee
{
    public Guid PersonId { get; init; }
    public string FirstName { get; init; } = "";
    public string? LastNamePrefix { get; init; }
    public string LastName { get; init; } = "";
    public string Email { get; init; } = "";
    public string Language { get; init; } = Cultures.Default;

    public string Name => PersonName.Format(FirstName, LastNamePrefix, LastName);
}

/// <summary>
/// Who of a school may get a join link, as queries that stay set-based: "has a child at this school" is one
/// subquery over the school's links (indexed by school), never a query per person. The page
/// counts and pages them; <see cref="AccountInvitationJob"/> sends to them in chunks.
/// </summary>
public static class AccountInvitees
{
    /// <summary>People of the school with an e-mail address and no login yet; of one group when given.</summary>
    public static IQueryable<AccountInvitee> Eligible(AppDbContext db, Guid schoolId, AccountInvitationKind kind, Guid? groupId = null) => kind switch
    {
        AccountInvitationKind.Guardian => Guardians(db, schoolId, groupId),
        AccountInvitationKind.Student => Students(db, schoolId, groupId),
        _ => Staff(db, schoolId, groupId),
    };

    /// <summary>The school's invitations of this kind that are unused and still valid: whom they name counts as invited.</summary>
    public static IQueryable<AccountInvitation> Open(AppDbContext db, Guid schoolId, AccountInvitationKind kind, DateTime now) =>
        db.AccountInvitations.Where(i => i.SchoolId == schoolId && i.Kind == kind && i.UsedAt == null && i.ExpiresAt > now);

    /// <summary>Leaves out whoever has an invitation of this school and kind that is unused and still valid.</summary>
    public static IQueryable<AccountInvitee> NotInvited(this IQueryable<AccountInvitee> people, AppDbContext db, Guid schoolId,
        AccountInvitationKind kind, DateTime now)
    {
        var open = Open(db, schoolId, kind, now);
        return people.Where(p => !open.Any(i => i.PersonId == p.PersonId));
    }

    /// <summary>
    /// How many people there are and how many of them <see cref="NotInvited"/> would keep, in one query: each
    /// person is read once with a flag, where two counts would each walk the school's people.
    /// </summary>
    public static async Task<(int People, int NotInvited)> CountAsync(this IQueryable<AccountInvitee> people, AppDbContext db,
        Guid schoolId, AccountInvitationKind kind, DateTime now, CancellationToken ct)
    {
        var open = Open(db, schoolId, kind, now);
        var counts = await people
            .Select(p => open.Any(i => i.PersonId == p.PersonId) ? 0 : 1)
            .GroupBy(_ => 1)
            .Select(g => new { People = g.Count(), NotInvited = g.Sum() })
            .SingleOrDefaultAsync(ct);
        return counts is null ? (0, 0) : (counts.People, counts.NotInvited);
    }

    /// <summary>Every word of the search in the first name, last name or e-mail address, ignoring case.</summary>
    public static IQueryable<AccountInvitee> Matching(this IQueryable<AccountInvitee> people, string? search)
    {
        foreach (var word in (search ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            people = people.Where(p => p.FirstName.ToLower().Contains(word) || p.LastName.ToLower().Contains(word)
                                       || (p.LastNamePrefix != null && p.LastNamePrefix.ToLower().Contains(word))
                                       || p.Email.ToLower().Contains(word));
        }
        return people;
    }

    private static IQueryable<AccountInvitee> Guardians(AppDbContext db, Guid schoolId, Guid? groupId)
    {
        var links = FamilyContacts.Of(db, schoolId, LimitedGuardianAccess.None);
        if (groupId is { } group)
        {
            links = links.Where(c => db.Enrollments.Any(e => e.StudentId == c.StudentId && e.GroupId == group));
        }
        // Driven from this school's links (IN over the guardianships' school index), not from every guardian of
        // the board with an EXISTS each: the board's size must not set the page's speed.
        var ids = links.Select(c => c.GuardianId);
        return db.Guardians.AsNoTracking()
            .Where(g => ids.Contains(g.Id) && g.UserId == null && g.Email != null)
            .Select(g => new AccountInvitee
            {
                PersonId = g.Id, FirstName = g.FirstName, LastNamePrefix = g.LastNamePrefix, LastName = g.LastName, Email = g.Email!,
                Language = g.PreferredLanguage,
            });
    }

    private static IQueryable<AccountInvitee> Students(AppDbContext db, Guid schoolId, Guid? groupId)
    {
        var students = db.Students.AsNoTracking().Where(s => s.SchoolId == schoolId && s.UserId == null && s.Email != null);
        if (groupId is { } group)
        {
            students = students.Where(s => db.Enrollments.Any(e => e.StudentId == s.Id && e.GroupId == group));
        }
        return students.Select(s => new AccountInvitee
        {
            PersonId = s.Id, FirstName = s.FirstName, LastNamePrefix = s.LastNamePrefix, LastName = s.LastName, Email = s.Email!,
            Language = Cultures.Default,
        });
    }

    private static IQueryable<AccountInvitee> Staff(AppDbContext db, Guid schoolId, Guid? groupId)
    {
        var staff = db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == schoolId && m.UserId == null && m.Email != null);
        if (groupId is { } group)
        {
            staff = staff.Where(m => db.StaffAssignments.Any(a => a.StaffMemberId == m.Id && a.GroupId == group));
        }
        return staff.Select(m => new AccountInvitee
        {
            PersonId = m.Id, FirstName = m.FirstName, LastNamePrefix = m.LastNamePrefix, LastName = m.LastName, Email = m.Email!,
            Language = Cultures.Default,
        });
    }
}
