using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Coverage;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Contacts;

/// <summary>
/// A secondary school with one mentor group of three families (Anna, Bram, Cem), a subject teacher and a care coordinator
/// for it; and the ways a family counts as reached, put straight into the database: a held conversation, a coverage call.
/// </summary>
internal sealed record ContactWorld(SchoolBuilder School, Group Group, Person Mentor, Person Subject, Person Care, Person Leader,
    Person Anna, Person AnnaParent, Person Bram, Person BramParent, Person Cem)
{
    public static async Task<ContactWorld> CreateAsync(TestApp app)
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var group = await school.GroupAsync("2B");
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var subject = await school.StaffAsync(StaffRole.SubjectTeacher, group, subject: "Wiskunde");
        var care = await school.StaffAsync(StaffRole.CareCoordinator);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var anna = await school.StudentAsync(group, firstName: "Anna", login: true);
        var annaParent = await school.GuardianAsync([anna]);
        var bram = await school.StudentAsync(group, firstName: "Bram");
        var bramParent = await school.GuardianAsync([bram], language: "pl");
        var cem = await school.StudentAsync(group, firstName: "Cem");
        await school.GuardianAsync([cem], login: false, language: "tr");
        await app.WithDbAsync(async db =>
        {
            (await db.Guardians.SingleAsync(g => g.Id == annaParent.Id)).Phone = "0612345678";
            await db.SaveChangesAsync();
        });
        return new ContactWorld(school, group, mentor, subject, care, leader, anna, annaParent, bram, bramParent, cem);
    }

    public string Mine => $"/contacts?school={School.Id}";

    public static string Log(Person student) => $"/students/{student.Id}/contacts";

    public static string Concerns(Person student) => $"/students/{student.Id}/concerns";

    public static string Family(Person student) => $"/children/{student.Id}/concerns";

    /// <summary>A held conversation of a round with <paramref name="child"/>'s family at <paramref name="at"/>.</summary>
    public async Task HeldAsync(TestApp app, Person child, DateTime at)
    {
        var round = await School.OpenRoundAsync([Group]);
        await app.WithDbAsync(async db =>
        {
            var household = await db.Guardianships.Where(x => x.StudentId == child.Id)
                .Join(db.Guardians, x => x.GuardianId, g => g.Id, (x, g) => g.HouseholdId!.Value).FirstAsync();
            db.Bookings.Add(new Booking
            {
                SchoolId = School.Id, RoundId = round.Id, StaffMemberId = Mentor.Id, StudentId = child.Id, HouseholdId = household,
                BookedByUserId = Guid.NewGuid(), StartsAt = at, EndsAt = at.AddMinutes(10), Status = BookingStatus.Held, CreatedAt = at.AddDays(-7),
            });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A call from the coverage page (<see cref="FollowUpCall"/>) to <paramref name="child"/>'s family.</summary>
    public async Task CoverageCallAsync(TestApp app, Person child, CallOutcome outcome)
    {
        var round = await School.OpenRoundAsync([Group]);
        await app.WithDbAsync(async db =>
        {
            db.FollowUpCalls.Add(new FollowUpCall
            {
                SchoolId = School.Id, RoundId = round.Id, StudentId = child.Id, CalledByUserId = Mentor.UserId!.Value,
                CalledAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), Outcome = outcome,
            });
            await db.SaveChangesAsync();
        });
    }
}
