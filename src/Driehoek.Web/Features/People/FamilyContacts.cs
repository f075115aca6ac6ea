using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.People;

/// <summary>
/// One guardian of one child whom the school may tell about something: the row every notice, reminder,
/// letter and overview reads. <see cref="Email"/> is null when there is none on file (the school prints or
/// phones); <see cref="HouseholdId"/> is null for a guardian not yet placed in a household.
/// </summary>
public sealed record FamilyContact
{
    public Guid SchoolId { get; init; }
    public Guid StudentId { get; init; }
    public Guid GuardianId { get; init; }
    public Guid? HouseholdId { get; init; }
    public Guid? UserId { get; init; }
    public bool HasParentalAuthority { get; init; }
    public string FirstName { get; init; } = "";
    public string? LastNamePrefix { get; init; }
    public string LastName { get; init; } = "";
    public string? Email { get; init; }
    public string PreferredLanguage { get; init; } = Cultures.Default;

    public string Name => PersonName.Format(FirstName, LastNamePrefix, LastName);

    /// <summary>The language on file when Driehoek speaks it, else Dutch.</summary>
    public string Language => Cultures.Normalize(PreferredLanguage);
}

/// <summary>
/// Whom we tell about a child: its guardians at its school (of the school's board) who have parental
/// authority, and those without it where the school allows that for the purpose at hand. The purpose is
/// the <see cref="LimitedGuardianAccess"/> flag that applies (<c>ConversationRounds</c> for invitations,
/// bookings and reminders; <c>None</c> for what every guardian may have, such as an account). Households
/// are the guardian's own, so separated parents are two households, each told once.
/// The queries compose: callers add their students, households and e-mail filter, and it stays one query.
/// </summary>
public static class FamilyContacts
{
    /// <summary>The contacts of the school's children for this purpose; filter by student or household before reading.</summary>
    public static IQueryable<FamilyContact> Of(AppDbContext db, Guid schoolId, LimitedGuardianAccess purpose) =>
        Contacts(db, db.Guardianships.Where(x => x.SchoolId == schoolId), db.Guardians, purpose);

    /// <summary>The children (at any school) a signed-in guardian is told about for this purpose: their calendar feed.</summary>
    public static IQueryable<FamilyContact> OfUser(AppDbContext db, Guid userId, LimitedGuardianAccess purpose) =>
        Contacts(db, db.Guardianships, db.Guardians.Where(g => g.UserId == userId), purpose);

    /// <summary>The rule itself, for a guardian already in hand (the signed-in parent's link to a child).</summary>
    public static bool MayBeTold(bool hasParentalAuthority, LimitedGuardianAccess schoolAllows, LimitedGuardianAccess purpose) =>
        hasParentalAuthority || (schoolAllows & purpose) == purpose;

    /// <summary><see cref="MayBeTold"/> for a signed-in guardian's link, reading the school's allowance only when it matters.</summary>
    public static async Task<bool> MayBeToldAsync(AppDbContext db, Permissions.GuardianLink link, LimitedGuardianAccess purpose, CancellationToken ct) =>
        link.HasParentalAuthority
        || MayBeTold(false, await db.Schools.AsNoTracking().Where(s => s.Id == link.SchoolId).Select(s => s.LimitedGuardianAccess).SingleAsync(ct), purpose);

    /// <summary>The signed-in guardian's links to the children it is told about for this purpose (the agenda's rounds and bookings).</summary>
    public static async Task<List<Permissions.GuardianLink>> LinksToldAsync(AppDbContext db, Permissions.AccessProfile profile,
        LimitedGuardianAccess purpose, CancellationToken ct)
    {
        var told = new List<Permissions.GuardianLink>();
        foreach (var link in profile.Children.Values)
        {
            if (await MayBeToldAsync(db, link, purpose, ct))
            {
                told.Add(link);
            }
        }
        return told;
    }

    private static IQueryable<FamilyContact> Contacts(AppDbContext db, IQueryable<Guardianship> links, IQueryable<Guardian> guardians,
        LimitedGuardianAccess purpose) =>
        from x in links.AsNoTracking()
        join school in db.Schools on x.SchoolId equals school.Id
        join g in guardians.AsNoTracking() on x.GuardianId equals g.Id
        // Same board: a guardian record is the board's, and another board's record never hears of this child.
        where g.BoardId == school.BoardId
              && (x.HasParentalAuthority || (school.LimitedGuardianAccess & purpose) == purpose)
        select new FamilyContact
        {
            SchoolId = x.SchoolId, StudentId = x.StudentId, GuardianId = g.Id, HouseholdId = g.HouseholdId, UserId = g.UserId,
            HasParentalAuthority = x.HasParentalAuthority, FirstName = g.FirstName, LastNamePrefix = g.LastNamePrefix, LastName = g.LastName,
            Email = g.Email == null || g.Email.Trim() == "" ? null : g.Email,
            PreferredLanguage = g.PreferredLanguage,
        };
}
