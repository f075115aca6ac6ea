using System.Net;
using System.Text;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Permissions;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Driehoek.Tests.Security;

/// <summary>
/// Two schools on two boards. School A (board X): groups A1 (level 5) and A2 (level 6), children C1 and C2 in A1
/// and C3 in A2, a round R for both groups with bookings; school B (board Y): group B1, child C4, round RB.
/// C1's household booked the subject teacher. Every persona works at school A (or board X).
/// </summary>
internal sealed class MatrixWorld
{
    public required Dictionary<Persona, string> Emails { get; init; }
    private readonly Dictionary<string, Guid> _ids = new();
    private readonly Dictionary<string, Guid> _rounds = new();
    private readonly Dictionary<string, Guid> _slots = new();
    private TestApp _app = null!;

    // The truth the app must match, written out independently of the app's own code.
    private static readonly Dictionary<string, (string School, int Level)> Groups = new()
    {
        ["A1"] = ("A", 5), ["A2"] = ("A", 6), ["B1"] = ("B", 5),
    };

    private static readonly Dictionary<string, string> GroupOf = new() { ["C1"] = "A1", ["C2"] = "A1", ["C3"] = "A2", ["C4"] = "B1" };
    private static readonly Dictionary<string, string> BoardOf = new() { ["A"] = "X", ["B"] = "Y" };

    /// <summary>Bookings: child, household, teacher.</summary>
    private static readonly Dictionary<string, (string Student, string Household, string Teacher)> Bookings = new()
    {
        ["B1"] = ("C1", "H1", "SUB"), ["B2"] = ("C2", "H2", "GT"), ["B3"] = ("C3", "H3", "GT2"), ["B4"] = ("C4", "H4", "GTB"),
    };

    private static readonly Dictionary<string, string> StaffSchool = new() { ["GT"] = "A", ["GTB"] = "B" };

    private sealed record Assignment(StaffRole Role, string? Group = null, int? Level = null);

    private sealed record Model(string? Child = null, bool Authority = true, string? Household = null, string? OwnStudent = null,
        Assignment[]? Staff = null, string? StaffKey = null, string? Board = null);

    private static readonly Dictionary<Persona, Model> Models = new()
    {
        [Persona.Anonymous] = new(),
        [Persona.Parent] = new(Child: "C1", Household: "H1"),
        [Persona.ParentWithoutAuthority] = new(Child: "C1", Authority: false, Household: "H1w"),
        [Persona.Student] = new(OwnStudent: "C1"),
        [Persona.GroupTeacher] = new(Staff: [new(StaffRole.GroupTeacher, "A1")], StaffKey: "GT"),
        [Persona.Mentor] = new(Staff: [new(StaffRole.Mentor, "A1")]),
        [Persona.SubjectTeacher] = new(Staff: [new(StaffRole.SubjectTeacher, "A1")], StaffKey: "SUB"),
        [Persona.CareCoordinator] = new(Staff: [new(StaffRole.CareCoordinator)]),
        [Persona.YearCoordinator] = new(Staff: [new(StaffRole.YearCoordinator, Level: 5)]),
        [Persona.DepartmentHead] = new(Staff: [new(StaffRole.DepartmentHead)]),
        [Persona.SchoolLeader] = new(Staff: [new(StaffRole.SchoolLeader)]),
        [Persona.Administrator] = new(Staff: [new(StaffRole.Administrator)]),
        [Persona.BoardAdmin] = new(Board: "X"),
    };

    public static IReadOnlyList<string> TargetsOf(Scope scope) => scope switch
    {
        Scope.Self => ["me"],
        Scope.Student => ["C1", "C2", "C3", "C4"],
        Scope.Group => ["A1", "A2", "B1"],
        Scope.School => ["A", "B"],
        Scope.Board => ["X", "Y"],
        Scope.Booking => ["B1", "B2", "B3", "B4"],
        Scope.StaffMember => ["GT", "GTB"],
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>How a persona relates to a target, by the rules of the matrix's relations.</summary>
    public static IReadOnlySet<Relation> Relate(Persona persona, Scope scope, string target)
    {
        var m = Models[persona];
        var r = new HashSet<Relation>();
        if (persona == Persona.Anonymous)
        {
            return r;
        }
        switch (scope)
        {
            case Scope.Self:
                r.Add(Relation.SignedIn);
                break;
            case Scope.Student:
                if (m.Child == target)
                {
                    r.Add(m.Authority ? Relation.Guardian : Relation.GuardianWithoutAuthority);
                }
                if (m.OwnStudent == target)
                {
                    r.Add(Relation.Student);
                }
                // C1's household booked the subject teacher in round R.
                if (m.StaffKey == "SUB" && target == "C1")
                {
                    r.Add(Relation.MetTeacher);
                }
                r.UnionWith(Relate(persona, Scope.Group, GroupOf[target]));
                break;
            case Scope.Group:
                var (school, level) = Groups[target];
                r.UnionWith(Relate(persona, Scope.School, school).Where(x => x is Relation.StaffOfSchool or Relation.BoardAdmin));
                foreach (var a in school == "A" ? m.Staff ?? [] : [])
                {
                    if (a.Group == target)
                    {
                        r.Add(a.Role switch { StaffRole.GroupTeacher => Relation.GroupTeacher, StaffRole.Mentor => Relation.Mentor, _ => Relation.SubjectTeacher });
                    }
                    else if (a.Group is null && (a.Level is null || a.Level == level))
                    {
                        r.Add(SchoolWide(a.Role));
                    }
                }
                break;
            case Scope.School:
                if (target == "A" && m.Staff is { } staff)
                {
                    r.Add(Relation.StaffOfSchool);
                    r.UnionWith(staff.Where(a => a.Group is null).Select(a => SchoolWide(a.Role)));
                }
                if (m.Board == BoardOf[target])
                {
                    r.Add(Relation.BoardAdmin);
                }
                break;
            case Scope.Board:
                if (m.Board == target)
                {
                    r.Add(Relation.BoardAdmin);
                }
                break;
            case Scope.Booking:
                var (student, household, teacher) = Bookings[target];
                r.UnionWith(Relate(persona, Scope.Student, student).Where(x => x != Relation.MetTeacher));
                if (m.Child == student && m.Household == household)
                {
                    r.Add(Relation.Household);
                }
                if (m.StaffKey == teacher)
                {
                    r.Add(Relation.MetTeacher);
                }
                break;
            case Scope.StaffMember:
                r.UnionWith(Relate(persona, Scope.School, StaffSchool[target]));
                if (m.StaffKey == target)
                {
                    r.Add(Relation.OwnStaffRecord);
                }
                break;
        }
        return r;
    }

    private static Relation SchoolWide(StaffRole role) => role switch
    {
        StaffRole.CareCoordinator => Relation.CareCoordinator,
        StaffRole.YearCoordinator => Relation.YearCoordinator,
        StaffRole.DepartmentHead => Relation.DepartmentHead,
        StaffRole.SchoolLeader => Relation.SchoolLeader,
        StaffRole.Administrator => Relation.Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public Guid Student(string key) => _ids[key];
    public Guid Group(string key) => _ids[key];
    public Guid School(string key) => _ids[key];
    public Guid Board(string key) => _ids[key];
    public Guid Booking(string key) => _ids[key];
    public Guid Staff(string key) => _ids[key];
    public Guid RoundOfSchool(string school) => _rounds[school];
    public Guid RoundOfGroup(string group) => _rounds[Groups[group].School];
    public Guid SchoolOfGroup(string group) => _ids[Groups[group].School];
    public Guid RoundOfStudent(string student) => RoundOfGroup(GroupOf[student]);
    public Guid RoundOfStaff(string staff) => _rounds[StaffSchool[staff]];

    /// <summary>A free slot of a teacher of the child's school.</summary>
    public Guid FreeSlotFor(string student) => _slots[Groups[GroupOf[student]].School == "A" ? "GT:2" : "GTB:2"];

    /// <summary>A slot someone else already booked at the child's school.</summary>
    public Guid TakenSlotFor(string student) => _slots[Groups[GroupOf[student]].School == "A" ? "GT:0" : "GTB:0"];

    /// <summary>Another slot of the booking's teacher, to try to move to.</summary>
    public Guid SpareSlotOf(string booking) => _slots[Bookings[booking].Teacher + ":1"];

    /// <summary>The school allows everything a setting can allow: guardians without authority take part in rounds, the care coordinator reads preparations.</summary>
    public Task AllowEverythingAsync() => _app.WithDbAsync(async db =>
    {
        var school = await db.Schools.SingleAsync(s => s.Id == _ids["A"]);
        school.LimitedGuardianAccess = LimitedGuardianAccess.GroupAndTeachers | LimitedGuardianAccess.ConversationRounds
                                       | LimitedGuardianAccess.ConversationOutcomes;
        school.CareCoordinatorReadsPreparations = true;
        await db.SaveChangesAsync();
    });

    public static async Task<MatrixWorld> CreateAsync(TestApp app)
    {
        var a = await app.World.SchoolAsync();
        var b = await app.World.SchoolAsync();
        var a1 = await a.GroupAsync(level: 5);
        var a2 = await a.GroupAsync(level: 6);
        var b1 = await b.GroupAsync(level: 5);
        var c1 = await a.StudentAsync(a1, login: true);
        var c2 = await a.StudentAsync(a1);
        var c3 = await a.StudentAsync(a2);
        var c4 = await b.StudentAsync(b1);
        var households = new Dictionary<string, Guid>();
        foreach (var (key, board) in new[] { ("H1", a.BoardId), ("H1w", a.BoardId), ("H2", a.BoardId), ("H3", a.BoardId), ("H4", b.BoardId) })
        {
            var household = new Household { BoardId = board };
            households[key] = household.Id;
            await app.WithDbAsync(async db =>
            {
                db.Households.Add(household);
                await db.SaveChangesAsync();
            });
        }
        var parent = await a.GuardianAsync([c1], householdId: households["H1"]);
        var limited = await a.GuardianAsync([c1], authority: false, householdId: households["H1w"]);
        await a.GuardianAsync([c2], householdId: households["H2"]);
        await a.GuardianAsync([c3], householdId: households["H3"]);
        await b.GuardianAsync([c4], householdId: households["H4"]);
        var gt = await a.StaffAsync(StaffRole.GroupTeacher, a1);
        var mentor = await a.StaffAsync(StaffRole.Mentor, a1);
        var sub = await a.StaffAsync(StaffRole.SubjectTeacher, a1, subject: "Engels");
        var gt2 = await a.StaffAsync(StaffRole.GroupTeacher, a2);
        var gtb = await b.StaffAsync(StaffRole.GroupTeacher, b1);
        var care = await a.StaffAsync(StaffRole.CareCoordinator);
        var year = await a.StaffAsync(StaffRole.YearCoordinator, level: 5);
        var dept = await a.StaffAsync(StaffRole.DepartmentHead);
        var leader = await a.StaffAsync(StaffRole.SchoolLeader);
        var admin = await a.StaffAsync(StaffRole.Administrator);
        var boardAdmin = await app.World.BoardAdminAsync(a.BoardId);
        var r = await a.OpenRoundAsync([a1, a2]);
        var rb = await b.OpenRoundAsync([b1]);

        var w = new MatrixWorld
        {
            _app = app,
            Emails = new()
            {
                [Persona.Parent] = parent.Email!, [Persona.ParentWithoutAuthority] = limited.Email!, [Persona.Student] = c1.Email!,
                [Persona.GroupTeacher] = gt.Email!, [Persona.Mentor] = mentor.Email!, [Persona.SubjectTeacher] = sub.Email!,
                [Persona.CareCoordinator] = care.Email!, [Persona.YearCoordinator] = year.Email!, [Persona.DepartmentHead] = dept.Email!,
                [Persona.SchoolLeader] = leader.Email!, [Persona.Administrator] = admin.Email!, [Persona.BoardAdmin] = boardAdmin.Email!,
            },
        };
        w._ids["A"] = a.Id;
        w._ids["B"] = b.Id;
        w._ids["X"] = a.BoardId;
        w._ids["Y"] = b.BoardId;
        w._ids["A1"] = a1.Id;
        w._ids["A2"] = a2.Id;
        w._ids["B1"] = b1.Id;
        w._ids["C1"] = c1.Id;
        w._ids["C2"] = c2.Id;
        w._ids["C3"] = c3.Id;
        w._ids["C4"] = c4.Id;
        w._ids["GT"] = gt.Id;
        w._ids["GTB"] = gtb.Id;
        w._rounds["A"] = r.Id;
        w._rounds["B"] = rb.Id;

        var teachers = new Dictionary<string, (SchoolBuilder School, ConversationRound Round, Person Teacher)>
        {
            ["GT"] = (a, r, gt), ["SUB"] = (a, r, sub), ["GT2"] = (a, r, gt2), ["GTB"] = (b, rb, gtb),
        };
        var hour = 0;
        foreach (var (key, (school, round, teacher)) in teachers)
        {
            var slots = await school.SlotsAsync(round, teacher, 3, from: new TimeOnly(15 + hour++, 0));
            for (var i = 0; i < slots.Count; i++)
            {
                w._slots[$"{key}:{i}"] = slots[i].Id;
            }
        }
        var students = new Dictionary<string, Person> { ["C1"] = c1, ["C2"] = c2, ["C3"] = c3, ["C4"] = c4 };
        foreach (var (key, (student, household, teacherKey)) in Bookings)
        {
            var (school, round, teacher) = teachers[teacherKey];
            var slot = await app.WithDbAsync(db => db.Slots.SingleAsync(s => s.Id == w._slots[teacherKey + ":0"]));
            var booking = new Booking
            {
                SchoolId = school.Id, RoundId = round.Id, SlotId = slot.Id, ActiveSlotId = slot.Id, StaffMemberId = teacher.Id,
                StudentId = students[student].Id, HouseholdId = households[household], BookedByUserId = parent.UserId!.Value,
                ActiveKey = Driehoek.Web.Features.Bookings.Booking.KeyFor(round.Id, students[student].Id, households[household], teacher.Id),
                StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, TopicAreas = TopicAreas.Results, CreatedAt = TestClock.Start.UtcDateTime,
                Version = Guid.NewGuid(),
            };
            await app.WithDbAsync(async db =>
            {
                db.Bookings.Add(booking);
                await db.SaveChangesAsync();
            });
            w._ids[key] = booking.Id;
        }
        return w;
    }
}
