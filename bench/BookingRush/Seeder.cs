using System.Diagnostics;
using Driehoek.Web.Data;
using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.BookingRush;

/// <summary>One family of the rush: who signs in, for which child, and which three teachers they want.</summary>
public sealed record FamilyPlan(int Number, string Email, Guid StudentId, Guid MentorId, Guid[] SubjectTeacherIds);

public sealed record Seeded(Guid RoundId, Guid WarmUpRoundId, int WarmUpFamilies, IReadOnlyList<FamilyPlan> Families, int Classes, int Mentors, int SubjectTeachers,
    int Slots, int Demand, TimeSpan Took);

/// <summary>
/// A secondary school straight into the database: classes of 25 with a mentor and four subject teachers
/// (each teaching two classes), one child and one signed-up guardian per household, and a round in
/// self-booking mode with the mentor and up to two subject teachers on request. Every family wants three
/// meetings; each teacher gets 1.4 × the meetings asked of them, over two evenings.
/// </summary>
public static class Seeder
{
    public const string Password = "bench-password-1";
    public const int ClassSize = 25;
    public const int SubjectsPerClass = 4;
    public const double SlotsPerMeeting = 1.4;
    public const int LengthMinutes = 10;
    private static readonly string[] Subjects = ["Nederlands", "Engels", "Wiskunde", "Biologie"];

    public static async Task<Seeded> SeedAsync(BenchApp app, int familyCount, int warmUpFamilies)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(SchoolCalendar.ToLocal(now));
        var (yearName, yearStart, yearEnd) = SchoolCalendar.YearContaining(today);

        var board = new Board { Name = "Bench board" };
        var school = new School { BoardId = board.Id, Name = "Bench College", Kind = SchoolKind.Secondary };
        var year = new SchoolYear { SchoolId = school.Id, Name = yearName, StartsOn = yearStart, EndsOn = yearEnd };
        db.AddRange(board, school, year);

        var classCount = (familyCount + ClassSize - 1) / ClassSize;
        var classes = Enumerable.Range(0, classCount)
            .Select(c => new Group { SchoolId = school.Id, SchoolYearId = year.Id, Name = $"{c % 6 + 1}{(char)('A' + c / 6)}", Level = c % 6 + 1 })
            .ToList();
        db.Groups.AddRange(classes);
        var mentors = classes.Select((g, c) => Staff(db, school, g, StaffRole.Mentor, null, $"M{c}")).ToList();
        // Two neighbouring classes share their four subject teachers.
        var subjectTeachers = new List<StaffMember>();
        for (var c = 0; c < classCount; c++)
        {
            if (c % 2 == 0)
            {
                subjectTeachers.AddRange(Subjects.Select(s => Staff(db, school, classes[c], StaffRole.SubjectTeacher, s, $"V{c}{s[..2]}")));
            }
            else
            {
                foreach (var (teacher, s) in subjectTeachers.TakeLast(SubjectsPerClass).Zip(Subjects))
                {
                    db.StaffAssignments.Add(new StaffAssignment
                    {
                        SchoolId = school.Id, StaffMemberId = teacher.Id, Role = StaffRole.SubjectTeacher, GroupId = classes[c].Id, Subject = s,
                    });
                }
            }
        }

        var passwordHash = services.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(null!, Password);
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var families = new List<FamilyPlan>(familyCount);
        for (var n = 0; n < familyCount; n++)
        {
            var c = n / ClassSize;
            var pairTeachers = subjectTeachers.Skip(c / 2 * SubjectsPerClass).Take(SubjectsPerClass).ToList();
            // Each child asks for two of the four, in turn, so every subject teacher is asked equally often.
            var wanted = new[] { pairTeachers[n % SubjectsPerClass].Id, pairTeachers[(n + 1) % SubjectsPerClass].Id };
            families.Add(Family(db, school, year, classes[c], n, passwordHash, normalizer, now, mentors[c].Id, wanted));
        }

        var teachers = mentors.Concat(subjectTeachers).ToList();
        var (round, slots, demand) = Round(db, school, year, classes, teachers, families, "Voortgangsgesprekken (bench)", today.AddDays(21), now);
        // The first families also book in an earlier round before the rush, so the server is warm, as one that has been up for a while.
        var (warmUp, _, _) = Round(db, school, year, classes, teachers, families.Take(warmUpFamilies).ToList(), "Startgesprekken (warm-up)", today.AddDays(14), now);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        return new Seeded(round.Id, warmUp.Id, warmUpFamilies, families, classCount, mentors.Count, subjectTeachers.Count, slots, demand, watch.Elapsed);
    }

    /// <summary>A round in self-booking mode with mentor and up to two subject teachers, and 1.4 × the slots these families want.</summary>
    private static (ConversationRound Round, int Slots, int Demand) Round(AppDbContext db, School school, SchoolYear year, List<Group> classes,
        List<StaffMember> teachers, List<FamilyPlan> families, string name, DateOnly firstDay, DateTime now)
    {
        var round = new ConversationRound
        {
            SchoolId = school.Id, SchoolYearId = year.Id, Kind = RoundKind.Progress, Name = name,
            Form = ConversationForm.TenMinute, LengthMinutes = LengthMinutes, FirstDay = firstDay, LastDay = firstDay.AddDays(1),
            Participants = Participants.Parents | Participants.GroupTeacherOrMentor | Participants.SubjectTeachersOnRequest,
            MaxSubjectTeachers = 2, Mode = RoundMode.SelfBooking, Status = RoundStatus.Published, PublishedAt = now,
            BookingOpensAt = now, BookingClosesAt = now.AddDays(13), ChangeDeadlineHours = 24, CreatedAt = now,
        };
        db.Rounds.Add(round);
        db.RoundGroups.AddRange(classes.Select(g => new RoundGroup { SchoolId = school.Id, RoundId = round.Id, GroupId = g.Id }));
        var demand = families.SelectMany(f => f.SubjectTeacherIds.Append(f.MentorId)).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var slots = teachers.Sum(t => AddSlots(db, school, round, t, (int)Math.Ceiling(demand.GetValueOrDefault(t.Id) * SlotsPerMeeting)));
        return (round, slots, demand.Values.Sum());
    }

    private static StaffMember Staff(AppDbContext db, School school, Group group, StaffRole role, string? subject, string code)
    {
        var member = new StaffMember
        {
            SchoolId = school.Id, ExternalId = code, FirstName = role == StaffRole.Mentor ? "Mentor" : subject!, LastName = code,
            Email = $"{code.ToLowerInvariant()}@bench.invalid",
        };
        db.StaffMembers.Add(member);
        db.StaffAssignments.Add(new StaffAssignment { SchoolId = school.Id, StaffMemberId = member.Id, Role = role, GroupId = group.Id, Subject = subject });
        return member;
    }

    private static FamilyPlan Family(AppDbContext db, School school, SchoolYear year, Group group, int n, string passwordHash,
        ILookupNormalizer normalizer, DateTime now, Guid mentorId, Guid[] wanted)
    {
        var email = $"ouder{n:D5}@bench.invalid";
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = normalizer.NormalizeName(email), Email = email, NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, DisplayName = $"Ouder {n}", PreferredLanguage = "nl", CreatedAt = now,
        };
        var household = new Household { BoardId = school.BoardId };
        var student = new Student { SchoolId = school.Id, ExternalId = $"L{n:D5}", FirstName = $"Kind{n}", LastName = "Bench" };
        var guardian = new Guardian
        {
            BoardId = school.BoardId, HouseholdId = household.Id, UserId = user.Id, ExternalKey = email, FirstName = $"Ouder{n}",
            LastName = "Bench", Email = email, PreferredLanguage = "nl",
        };
        db.Users.Add(user);
        db.Households.Add(household);
        db.Students.Add(student);
        db.Guardians.Add(guardian);
        db.Enrollments.Add(new Enrollment { SchoolId = school.Id, StudentId = student.Id, GroupId = group.Id, SchoolYearId = year.Id });
        db.Guardianships.Add(new Guardianship { SchoolId = school.Id, StudentId = student.Id, GuardianId = guardian.Id });
        return new FamilyPlan(n, email, student.Id, mentorId, wanted);
    }

    /// <summary>Slots one after another from 18:00 on the round's two evenings, half on each.</summary>
    private static int AddSlots(AppDbContext db, School school, ConversationRound round, StaffMember teacher, int count)
    {
        var start = new TimeOnly(18, 0);
        var perDay = new[] { (count + 1) / 2, count / 2 };
        for (var d = 0; d < perDay.Length; d++)
        {
            var date = round.FirstDay.AddDays(d);
            var block = new AvailabilityBlock
            {
                SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teacher.Id, Date = date, Start = start,
                End = start.AddMinutes(LengthMinutes * perDay[d]), Room = $"Lokaal {teacher.ExternalId}", CreatedAt = round.CreatedAt,
            };
            db.AvailabilityBlocks.Add(block);
            for (var i = 0; i < perDay[d]; i++)
            {
                db.Slots.Add(new Slot
                {
                    SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teacher.Id, BlockId = block.Id,
                    StartsAt = SchoolCalendar.ToUtc(date.ToDateTime(start.AddMinutes(i * LengthMinutes))),
                    EndsAt = SchoolCalendar.ToUtc(date.ToDateTime(start.AddMinutes((i + 1) * LengthMinutes))), Room = block.Room,
                });
            }
        }
        return count;
    }
}
