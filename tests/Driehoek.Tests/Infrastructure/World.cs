using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Tests.Infrastructure;

public sealed record Person(Guid Id, string Name, string? Email, Guid? UserId);

/// <summary>
/// Builds the people and places a test needs, each with unique names, straight into the database.
/// Every test gets its own board, so tests never see each other's data.
/// </summary>
public sealed class World(TestApp app)
{
    public async Task<SchoolBuilder> SchoolAsync(SchoolKind kind = SchoolKind.Primary, Guid? boardId = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var today = SchoolCalendar.Today(app.Clock);
        var (yearName, start, end) = SchoolCalendar.YearContaining(today);
        var board = boardId is null ? new Board { Name = $"Board {tag}" } : null;
        var school = new School { BoardId = boardId ?? board!.Id, Name = $"School {tag}", Kind = kind };
        var year = new SchoolYear { SchoolId = school.Id, Name = yearName, StartsOn = start, EndsOn = end };
        await app.WithDbAsync(async db =>
        {
            if (board is not null)
            {
                db.Boards.Add(board);
            }
            db.Schools.Add(school);
            db.SchoolYears.Add(year);
            await db.SaveChangesAsync();
        });
        return new SchoolBuilder(app, school, year, tag);
    }

    /// <summary>A board admin; boards require two-step sign-in of their admins by default, so they come with an authenticator.</summary>
    public async Task<Person> BoardAdminAsync(Guid boardId, bool authenticator = true)
    {
        var user = await UserAsync(app, "Board admin", authenticator: authenticator);
        await app.WithDbAsync(async db =>
        {
            db.BoardAdmins.Add(new BoardAdmin { BoardId = boardId, UserId = user.Id });
            await db.SaveChangesAsync();
        });
        return new Person(user.Id, user.DisplayName, user.Email, user.Id);
    }

    /// <param name="authenticator">with an authenticator app set up, as a user whose role requires it has</param>
    internal static async Task<AppUser> UserAsync(TestApp app, string name, string language = "nl", bool authenticator = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{name.Replace(" ", ".", StringComparison.Ordinal).ToLowerInvariant()}.{Guid.NewGuid():N}@test.invalid";
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredLanguage = language,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, TestApp.Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        if (authenticator)
        {
            await Authenticators.EnrolAsync(app, user.Id);
        }
        return user;
    }
}

public sealed class SchoolBuilder(TestApp app, School school, SchoolYear year, string tag)
{
    private int _counter;

    public TestApp App => app;
    public School School => school;
    public SchoolYear Year => year;
    public Guid Id => school.Id;
    public Guid BoardId => school.BoardId;

    public async Task<Group> GroupAsync(string? name = null, int? level = 5)
    {
        var group = new Group { SchoolId = school.Id, SchoolYearId = year.Id, Name = name ?? $"Groep {tag}-{++_counter}", Level = level };
        await SaveAsync(db => db.Groups.Add(group));
        return group;
    }

    public async Task<Person> StudentAsync(Group group, string? firstName = null, bool login = false, string? email = null)
    {
        var n = ++_counter;
        var user = login ? await World.UserAsync(app, $"Student {tag} {n}") : null;
        var student = new Student
        {
            SchoolId = school.Id, ExternalId = $"{tag}-{n}", FirstName = firstName ?? $"Kind{n}", LastName = $"Test{tag}",
            UserId = user?.Id, Email = email ?? user?.Email, DateOfBirth = new DateOnly(2015, 3, 1),
        };
        await SaveAsync(db =>
        {
            db.Students.Add(student);
            db.Enrollments.Add(new Enrollment { SchoolId = school.Id, StudentId = student.Id, GroupId = group.Id, SchoolYearId = year.Id });
        });
        return new Person(student.Id, student.FullName, student.Email, user?.Id);
    }

    /// <summary>A guardian of the given children; with <paramref name="login"/> they can sign in.</summary>
    public async Task<Person> GuardianAsync(IEnumerable<Person> children, bool login = true, bool authority = true,
        Guid? householdId = null, string language = "nl", string? email = null)
    {
        var n = ++_counter;
        var user = login ? await World.UserAsync(app, $"Ouder {tag} {n}", language) : null;
        var household = householdId ?? Guid.CreateVersion7();
        var guardian = new Guardian
        {
            BoardId = school.BoardId, HouseholdId = household, UserId = user?.Id, ExternalKey = $"test:{tag}:{n}",
            FirstName = $"Ouder{n}", LastName = $"Test{tag}", Email = email ?? user?.Email ?? $"ouder{n}.{tag}@test.invalid",
            PreferredLanguage = language,
        };
        await SaveAsync(db =>
        {
            if (householdId is null)
            {
                db.Households.Add(new Household { Id = household, BoardId = school.BoardId });
            }
            db.Guardians.Add(guardian);
            foreach (var child in children)
            {
                db.Guardianships.Add(new Guardianship
                {
                    SchoolId = school.Id, StudentId = child.Id, GuardianId = guardian.Id, HasParentalAuthority = authority,
                });
            }
        });
        return new Person(guardian.Id, guardian.FullName, guardian.Email, user?.Id);
    }

    /// <summary>
    /// A staff member with one role (for a group, or school-wide when <paramref name="group"/> is null). Where the
    /// school requires two-step sign-in for the role, their account comes with an authenticator set up, unless
    /// <paramref name="authenticator"/> says otherwise (someone who has not set it up yet).
    /// </summary>
    public async Task<Person> StaffAsync(StaffRole role, Group? group = null, string? subject = null, bool login = true, int? level = null,
        bool? authenticator = null)
    {
        var n = ++_counter;
        var user = login
            ? await World.UserAsync(app, $"{role} {tag} {n}", authenticator: authenticator ?? school.TwoFactorRoles.Includes(role))
            : null;
        var member = new StaffMember
        {
            SchoolId = school.Id, ExternalId = $"S{tag}{n}", FirstName = $"{role}{n}", LastName = $"Staff{tag}",
            UserId = user?.Id, Email = user?.Email ?? $"staff{n}.{tag}@test.invalid",
        };
        await SaveAsync(db =>
        {
            db.StaffMembers.Add(member);
            db.StaffAssignments.Add(new StaffAssignment
            {
                SchoolId = school.Id, StaffMemberId = member.Id, Role = role, GroupId = group?.Id, Subject = subject, Level = level,
            });
        });
        return new Person(member.Id, member.FullName, member.Email, user?.Id);
    }

    public async Task AssignAsync(Person staff, StaffRole role, Group? group = null, string? subject = null)
    {
        await SaveAsync(db => db.StaffAssignments.Add(new StaffAssignment
        {
            SchoolId = school.Id, StaffMemberId = staff.Id, Role = role, GroupId = group?.Id, Subject = subject,
        }));
        if (staff.UserId is { } userId && school.TwoFactorRoles.Includes(role))
        {
            await Authenticators.EnrolAsync(app, userId);
        }
    }

    private Task SaveAsync(Action<AppDbContext> add) => app.WithDbAsync(async db =>
    {
        add(db);
        await db.SaveChangesAsync();
    });
}
