using System.Diagnostics;
using System.Text;
using Driehoek.Bench;
using Driehoek.Web.Data;
using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Scale;

/// <summary>One school of the board: its size, its leader, and (once built) its round, a group, a teacher and a parent who sign in.</summary>
public sealed record ScaleSchool(int Number, Guid Id, int Students, string LeaderEmail)
{
    public Guid RoundId { get; set; }
    public Guid GroupId { get; set; }
    public string TeacherEmail { get; set; } = "";
    public string ParentEmail { get; set; } = "";
    public TimeSpan Import { get; set; }
    public TimeSpan Publish { get; set; }
    /// <summary>The request-mode evening and its finished scheduler run (built for the smallest and the largest school).</summary>
    public Guid EveningRoundId { get; set; }
    public Guid EveningRunId { get; set; }
    public TimeSpan Schedule { get; set; }
}

public sealed record BuiltBoard(Guid BoardId, string AdminEmail, IReadOnlyList<ScaleSchool> Schools, TimeSpan Took);

/// <summary>
/// A board of schools between <c>min</c> and <c>max</c> students: organisation and a leader straight into the
/// database, then each school's students, groups and families imported through the app's import page (as a
/// leader would: upload, preview, commit, wait), then a round per school published on its page. Families
/// are realistic: two parents, one in eight households separated (each parent their own address and
/// household), home languages across the six the app speaks. Two-step sign-in is off for the benchmark's
/// own virtual staff (it measures speed; they have no authenticator).
/// </summary>
public static class ScaleBoard
{
    public const string Password = "bench-password-1";
    public const int GroupSize = 28;
    private static readonly string[] Languages = ["nl", "nl", "nl", "nl", "ar", "tr", "pl", "uk", "en"];

    public static async Task<BuiltBoard> BuildAsync(BenchApp app, int schools, int min, int max, TextWriter progress)
    {
        var watch = Stopwatch.StartNew();
        var (boardId, adminEmail, list) = await OrganisationAsync(app, schools, min, max);
        foreach (var school in list)
        {
            using var leader = new BenchBrowser(app.BaseAddress);
            await leader.SignInAsync(school.LeaderEmail, Password);
            var step = Stopwatch.StartNew();
            await ImportAsync(leader, school);
            school.Import = step.Elapsed;
            await StaffAndRoundAsync(app, school);
            step.Restart();
            await PublishAsync(leader, school);
            school.Publish = step.Elapsed;
            await progress.WriteLineAsync($"  school {school.Number}: {school.Students} students imported in {school.Import.TotalSeconds:0.0} s, round published in {school.Publish.TotalSeconds:0.0} s");
        }
        return new BuiltBoard(boardId, adminEmail, list, watch.Elapsed);
    }

    private static async Task<(Guid, string, List<ScaleSchool>)> OrganisationAsync(BenchApp app, int count, int min, int max)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(SchoolCalendar.ToLocal(DateTime.UtcNow));
        var (yearName, start, end) = SchoolCalendar.YearContaining(today);
        var board = new Board { Name = "Scale board", TwoFactorForAdmins = false };
        db.Boards.Add(board);
        var schools = new List<ScaleSchool>();
        for (var i = 0; i < count; i++)
        {
            var students = count == 1 ? max : min + (max - min) * i / (count - 1);
            var school = new School
            {
                BoardId = board.Id, Name = $"School {i + 1:00}", Kind = i % 3 == 0 ? SchoolKind.Secondary : SchoolKind.Primary,
                TwoFactorRoles = StaffRoles.None,
            };
            db.Schools.Add(school);
            db.SchoolYears.Add(new SchoolYear { SchoolId = school.Id, Name = yearName, StartsOn = start, EndsOn = end });
            var leader = await UserAsync(scope.ServiceProvider, $"leider{i + 1}@scale.invalid");
            var member = new StaffMember { SchoolId = school.Id, ExternalId = $"DIR{i}", FirstName = "Directeur", LastName = $"{i + 1}", UserId = leader.Id, Email = leader.Email };
            db.StaffMembers.Add(member);
            db.StaffAssignments.Add(new StaffAssignment { SchoolId = school.Id, StaffMemberId = member.Id, Role = StaffRole.SchoolLeader });
            schools.Add(new ScaleSchool(i + 1, school.Id, students, leader.Email!));
        }
        var admin = await UserAsync(scope.ServiceProvider, "bestuur@scale.invalid");
        db.BoardAdmins.Add(new BoardAdmin { BoardId = board.Id, UserId = admin.Id });
        await db.SaveChangesAsync();
        return (board.Id, admin.Email!, schools);
    }

    /// <summary>The school's student export, uploaded and committed through the import pages; waits for the background job.</summary>
    private static async Task ImportAsync(BenchBrowser leader, ScaleSchool school)
    {
        var preview = await leader.UploadAsync(school.Id, Encoding.UTF8.GetBytes(StudentFile(school)));
        await leader.CommitAsync(preview);
        for (var i = 0; i < 1200 && (await leader.GetStringAsync(preview)).Contains("<progress", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
        }
    }

    private static string StudentFile(ScaleSchool school)
    {
        var text = new StringBuilder(
            "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep;Leerjaar;E-mail leerling;" +
            "Ouder 1 roepnaam;Ouder 1 achternaam;Ouder 1 e-mail;Ouder 1 telefoon;Ouder 1 relatie;Ouder 1 gezag;Ouder 1 taal;Ouder 1 postcode;Ouder 1 huisnummer;" +
            "Ouder 2 roepnaam;Ouder 2 achternaam;Ouder 2 e-mail;Ouder 2 telefoon;Ouder 2 relatie;Ouder 2 gezag;Ouder 2 taal;Ouder 2 postcode;Ouder 2 huisnummer\n");
        var groups = Math.Max(1, school.Students / GroupSize);
        for (var i = 1; i <= school.Students; i++)
        {
            var level = (i % groups) % 8 + 1;
            var language = Languages[i % Languages.Length];
            var separated = i % 8 == 0;
            var tag = $"s{school.Number}n{i}";
            text.Append($"S{school.Number:00}{i:00000};Kind{i};;Familie{i};03-04-2016;Groep {i % groups + 1};{level};;")
                .Append($"Ouder{i}a;Familie{i};{tag}a@scale.invalid;0612345678;moeder;ja;{language};1234AB;{i};")
                .Append($"Ouder{i}b;Familie{i};{tag}b@scale.invalid;;vader;ja;{language};{(separated ? "5678CD" : "1234AB")};{i}\n");
        }
        return text.ToString();
    }

    /// <summary>A teacher per group, a draft round for every group; one teacher's evening booked by their group; one parent with an account.</summary>
    private static async Task StaffAndRoundAsync(BenchApp app, ScaleSchool school)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var year = await db.SchoolYears.AsNoTracking().Where(y => y.SchoolId == school.Id).OrderByDescending(y => y.StartsOn).FirstAsync();
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == school.Id && g.SchoolYearId == year.Id).OrderBy(g => g.Name).ToListAsync();
        var teacherUser = await UserAsync(scope.ServiceProvider, $"leerkracht{school.Number}@scale.invalid");
        var teachers = groups.Select((g, n) =>
        {
            var member = new StaffMember
            {
                SchoolId = school.Id, ExternalId = $"T{n}", FirstName = "Leerkracht", LastName = $"{n}", Email = $"t{school.Number}-{n}@scale.invalid",
                UserId = n == 0 ? teacherUser.Id : null,
            };
            db.StaffMembers.Add(member);
            db.StaffAssignments.Add(new StaffAssignment { SchoolId = school.Id, StaffMemberId = member.Id, Role = StaffRole.GroupTeacher, GroupId = g.Id });
            return member;
        }).ToList();
        var now = DateTime.UtcNow;
        var firstDay = DateOnly.FromDateTime(SchoolCalendar.ToLocal(now)).AddDays(14);
        var round = new ConversationRound
        {
            SchoolId = school.Id, SchoolYearId = year.Id, Kind = RoundKind.Progress, Name = "Voortgangsgesprekken", Form = ConversationForm.TenMinute,
            LengthMinutes = 10, FirstDay = firstDay, LastDay = firstDay.AddDays(1), Participants = Participants.Parents | Participants.GroupTeacherOrMentor,
            Mode = RoundMode.SelfBooking, Status = RoundStatus.Draft, BookingOpensAt = now, BookingClosesAt = now.AddDays(12), ChangeDeadlineHours = 24,
            CreatedAt = now,
        };
        db.Rounds.Add(round);
        db.RoundGroups.AddRange(groups.Select(g => new RoundGroup { SchoolId = school.Id, RoundId = round.Id, GroupId = g.Id }));

        // The first teacher's evening: every family of the group booked, so the day list is full.
        var group = groups[0];
        var families = await db.Enrollments.AsNoTracking().Where(e => e.GroupId == group.Id)
            .Join(db.Guardianships, e => e.StudentId, x => x.StudentId, (e, x) => new { e.StudentId, x.GuardianId })
            .Join(db.Guardians, x => x.GuardianId, g => g.Id, (x, g) => new { x.StudentId, g.Id, g.HouseholdId })
            .ToListAsync();
        var start = new TimeOnly(15, 0);
        var block = new AvailabilityBlock
        {
            SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teachers[0].Id, Date = firstDay, Start = start,
            End = start.AddMinutes(10 * (families.Count + 4)), Room = "Lokaal 1", CreatedAt = now,
        };
        db.AvailabilityBlocks.Add(block);
        var slot = 0;
        foreach (var family in families.Where(f => f.HouseholdId is not null).DistinctBy(f => f.StudentId))
        {
            var s = new Slot
            {
                SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teachers[0].Id, BlockId = block.Id, Room = block.Room,
                StartsAt = SchoolCalendar.ToUtc(firstDay.ToDateTime(start.AddMinutes(10 * slot))),
                EndsAt = SchoolCalendar.ToUtc(firstDay.ToDateTime(start.AddMinutes(10 * ++slot))),
            };
            db.Slots.Add(s);
            db.Bookings.Add(new Booking
            {
                SchoolId = school.Id, RoundId = round.Id, SlotId = s.Id, ActiveSlotId = s.Id, StaffMemberId = teachers[0].Id, StudentId = family.StudentId,
                HouseholdId = family.HouseholdId!.Value, BookedByGuardianId = family.Id, BookedByUserId = teacherUser.Id,
                ActiveKey = Booking.KeyFor(round.Id, family.StudentId, family.HouseholdId.Value, teachers[0].Id),
                StartsAt = s.StartsAt, EndsAt = s.EndsAt, TopicAreas = TopicAreas.Results, Topics = "Rekenen en lezen", CreatedAt = now, Version = Guid.NewGuid(),
            });
        }

        // A parent of that group signs in: their guardian record gets an account.
        var parentUser = await UserAsync(scope.ServiceProvider, $"ouder{school.Number}@scale.invalid");
        var guardian = await db.Guardians.FirstAsync(g => g.Id == families[0].Id);
        guardian.UserId = parentUser.Id;
        await db.SaveChangesAsync();
        school.RoundId = round.Id;
        school.GroupId = group.Id;
        school.TeacherEmail = teacherUser.Email!;
        school.ParentEmail = parentUser.Email!;
    }

    /// <summary>The leader publishes the round on its page; if publishing runs in the background, waits until it is done.</summary>
    private static async Task PublishAsync(BenchBrowser leader, ScaleSchool school)
    {
        var url = $"/rounds/{school.RoundId}";
        var version = System.Text.RegularExpressions.Regex.Match(await leader.GetStringAsync(url), "name=\"version\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        await leader.PostFormAsync($"{url}?handler=Publish", new Dictionary<string, string> { ["version"] = version }, pageWithForm: url);
        for (var i = 0; i < 1200 && (await leader.GetStringAsync(url)).Contains("<progress", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
        }
    }

    private static async Task<AppUser> UserAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], PreferredLanguage = "nl", CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        return result.Succeeded ? user : throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
    }
}
