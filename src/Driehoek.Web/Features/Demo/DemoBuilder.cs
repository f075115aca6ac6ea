using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.AspNetCore.Identity;

namespace Driehoek.Web.Features.Demo;

/// <summary>Builds the demo board deterministically (fixed seed), in one transaction.</summary>
internal sealed partial class DemoBuilder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    private readonly Random _random = new(20261122);
    private Board _board = null!;
    private readonly Dictionary<string, AppUser> _users = [];

    public async Task BuildAsync()
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        // One password hash for all demo accounts (the password is public): hashing is slow on purpose.
        var hash = users.PasswordHasher.HashPassword(null!, DemoSeeder.Password);
        foreach (var (email, _) in DemoSeeder.SignIns)
        {
            _users[email.Split('@')[0]] = await CreateUserAsync(email, hash);
        }
        // The builder adds tens of thousands of rows and looks them up among the tracked ones: change detection
        // runs once, before saving, instead of at every look-up.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Two-step sign-in is required of nobody in the demo, so anyone can look around with the password alone
        // (the sign-in page says so); a demo leader can turn it on in the school's settings to try it.
        _board = new Board { Name = "Stichting Driehoek Demo (demo)", IsDemo = true, TwoFactorForAdmins = false };
        db.Boards.Add(_board);
        db.BoardAdmins.Add(new BoardAdmin { BoardId = _board.Id, UserId = _users["bestuur"].Id });

        var (yearName, start, end) = SchoolCalendar.YearContaining(SchoolCalendar.Today(clock));
        var primary = AddSchool("Basisschool De Regenboog (demo)", SchoolKind.Primary, yearName, start, end);
        var secondary = AddSchool("Demo College (demo)", SchoolKind.Secondary, yearName, start, end);

        var primaryGroups = PrimaryGroups(primary);
        var secondaryGroups = SecondaryGroups(secondary);
        AddFamilies(primary, primaryGroups, secondary, secondaryGroups);
        AddConversationCycle(primary, primaryGroups);
        AddConversationCycle(secondary, secondaryGroups);

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private async Task<AppUser> CreateUserAsync(string email, string passwordHash)
    {
        var name = email.Split('@')[0];
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime,
            DisplayName = char.ToUpperInvariant(name[0]) + name[1..] + " (demo)", PasswordHash = passwordHash,
        };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo user could not be created: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
        return user;
    }

    private (School School, SchoolYear Year) AddSchool(string name, SchoolKind kind, string yearName, DateOnly start, DateOnly end)
    {
        var school = new School { BoardId = _board.Id, Name = name, Kind = kind, IsDemo = true, TwoFactorRoles = StaffRoles.None };
        var year = new SchoolYear { SchoolId = school.Id, Name = yearName, StartsOn = start, EndsOn = end };
        db.Schools.Add(school);
        db.SchoolYears.Add(year);
        return (school, year);
    }

    private Group AddGroup((School School, SchoolYear Year) s, string name, int level)
    {
        var group = new Group { SchoolId = s.School.Id, SchoolYearId = s.Year.Id, Name = name, Level = level };
        db.Groups.Add(group);
        return group;
    }

    private StaffMember AddStaff(School school, string code, string first, string? prefix, string last, AppUser? user = null)
    {
        var member = new StaffMember
        {
            SchoolId = school.Id, ExternalId = code, FirstName = first, LastNamePrefix = prefix, LastName = last,
            Email = $"{code.ToLowerInvariant()}@{DemoSeeder.Domain}", UserId = user?.Id,
        };
        if (user is not null)
        {
            member.Email = user.Email;
        }
        db.StaffMembers.Add(member);
        return member;
    }

    private void Assign(StaffMember member, StaffRole role, Group? group = null, string? subject = null, int? level = null) =>
        db.StaffAssignments.Add(new StaffAssignment
        {
            SchoolId = member.SchoolId, StaffMemberId = member.Id, Role = role, GroupId = group?.Id, Subject = subject, Level = level,
        });

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
