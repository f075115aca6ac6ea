using System.Globalization;
using System.Text;
using Driehoek.Bench;
using Driehoek.Web.Data;
using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Grades;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Grades;

/// <summary>
/// A secondary school as a roster import leaves it: classes of 25 over six year levels, each with a mentor, twelve
/// subjects each taught to a class by one of the subject teachers (a teacher has six classes), a year coordinator
/// per level; and the report grades of the previous period, so the rule about a notable fall or rise has something
/// to compare with. The leader signs in with a password only.
/// </summary>
public sealed record GradeSchool(Guid SchoolId, string LeaderEmail, IReadOnlyList<string> Numbers, int Groups, int Staff)
{
    public const string Password = "bench-password-1";
    public static readonly string[] Subjects = ["ne", "en", "wi", "gs", "ak", "bi", "na", "sk", "du", "fa", "lo", "ckv"];

    public static async Task<GradeSchool> SeedAsync(BenchApp app, int students, Random random)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var (yearName, start, end) = SchoolCalendar.YearContaining(DateOnly.FromDateTime(now));
        var board = new Board { Name = "Bestuur voortgezet onderwijs", TwoFactorForAdmins = false };
        var school = new School { BoardId = board.Id, Name = $"Scholengemeenschap {students}", Kind = SchoolKind.Secondary, TwoFactorRoles = StaffRoles.None };
        var year = new SchoolYear { SchoolId = school.Id, Name = yearName, StartsOn = start, EndsOn = end };
        var email = $"leider.{Guid.NewGuid():N}@bench.invalid";
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = normalizer.NormalizeName(email), Email = email, NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true, DisplayName = "Rector", PreferredLanguage = "nl", CreatedAt = now,
        };
        user.PasswordHash = services.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(user, Password);
        var staffCount = 0;
        StaffMember Staff(string code)
        {
            staffCount++;
            return new StaffMember { SchoolId = school.Id, ExternalId = code, FirstName = code, LastName = "Docent", Email = $"{code.ToLowerInvariant()}.{school.Id:N}@bench.invalid" };
        }
        var leader = new StaffMember { SchoolId = school.Id, ExternalId = "REC", FirstName = "Rector", LastName = "Bench", Email = email, UserId = user.Id };
        db.AddRange(board, school, year, user, leader);
        db.StaffAssignments.Add(new StaffAssignment { SchoolId = school.Id, StaffMemberId = leader.Id, Role = StaffRole.SchoolLeader });
        for (var level = 1; level <= 6; level++)
        {
            var coordinator = Staff($"JC{level}");
            db.Add(coordinator);
            db.StaffAssignments.Add(new StaffAssignment { SchoolId = school.Id, StaffMemberId = coordinator.Id, Role = StaffRole.YearCoordinator, Level = level });
        }

        var groupCount = (students + 24) / 25;
        var groups = new List<Group>();
        var teachers = Subjects.ToDictionary(s => s, _ => new List<StaffMember>());
        for (var g = 0; g < groupCount; g++)
        {
            var level = 1 + g * 6 / groupCount;
            var group = new Group { SchoolId = school.Id, SchoolYearId = year.Id, Name = $"{level}{(char)('a' + g % 26)}{g / 26}", Level = level };
            groups.Add(group);
            db.Add(group);
            var mentor = Staff($"M{g:000}");
            db.Add(mentor);
            db.StaffAssignments.Add(new StaffAssignment { SchoolId = school.Id, StaffMemberId = mentor.Id, Role = StaffRole.Mentor, GroupId = group.Id });
            foreach (var subject in Subjects)
            {
                var pool = teachers[subject];
                if (pool.Count == 0 || g % 6 == 0)
                {
                    var teacher = Staff($"{subject.ToUpperInvariant()}{pool.Count:00}");
                    db.Add(teacher);
                    pool.Add(teacher);
                }
                db.StaffAssignments.Add(new StaffAssignment
                {
                    SchoolId = school.Id, StaffMemberId = pool[^1].Id, Role = StaffRole.SubjectTeacher, GroupId = group.Id, Subject = subject,
                });
            }
        }
        var numbers = new List<string>(students);
        for (var i = 0; i < students; i++)
        {
            var student = new Student { SchoolId = school.Id, ExternalId = (100_000 + i).ToString(CultureInfo.InvariantCulture), FirstName = $"Leerling{i}", LastName = "Bench" };
            numbers.Add(student.ExternalId);
            db.Add(student);
            db.Enrollments.Add(new Enrollment { SchoolId = school.Id, StudentId = student.Id, GroupId = groups[i / 25].Id, SchoolYearId = year.Id });
            foreach (var subject in Subjects)
            {
                db.Add(new ReportGrade
                {
                    SchoolId = school.Id, StudentId = student.Id, Subject = subject, Period = "P1", Hundredths = Grade(random, 6.8) , ImportedAt = now,
                });
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.SaveChangesAsync();
        return new GradeSchool(school.Id, email, numbers, groupCount, staffCount + 1);
    }

    /// <summary>
    /// Period 2 as Magister exports it ("Stamnr;Leerling;Klas;Vak;Periode;Cijfer", decimal comma): a grade per student
    /// and subject; one student in ten falls about two points, one in twenty rises; a few grades are words (V, G).
    /// </summary>
    public byte[] PeriodFile(Random random)
    {
        var text = new StringBuilder("Stamnr;Leerling;Klas;Vak;Periode;Cijfer\n");
        foreach (var number in Numbers)
        {
            var shift = random.Next(20) switch { < 2 => -2.2, 2 => 1.9, _ => 0.0 };
            foreach (var subject in Subjects)
            {
                var grade = subject == "lo" && random.Next(4) == 0 ? (random.Next(2) == 0 ? "V" : "G")
                    : (Grade(random, 6.8 + shift) / 100.0).ToString("0.0", CultureInfo.GetCultureInfo("nl-NL"));
                text.Append(number).Append(";Leerling ").Append(number).Append(";;").Append(subject).Append(";P2;").Append(grade).Append('\n');
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A report grade around <paramref name="mean"/> (sd 1.3), one decimal, 1 to 10, in hundredths.</summary>
    private static int Grade(Random random, double mean)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (int)Math.Round(Math.Clamp(mean + 1.3 * normal, 1, 10) * 10) * 10;
    }
}
