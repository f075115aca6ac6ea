using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Records;

/// <summary>A school with a group, its teacher, a child who signs in and a parent, and a leader.</summary>
internal sealed record RecordFamily(SchoolBuilder School, Group Group, Person Teacher, Person Child, Person Parent, Person Leader);

internal static class RecordWorld
{
    private static int _made;

    public static async Task<RecordFamily> FamilyAsync(this TestApp app, string language = "nl")
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var child = await school.StudentAsync(group, firstName: "Noor", login: true);
        var parent = await school.GuardianAsync([child], language: language);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        return new RecordFamily(school, group, teacher, child, parent, leader);
    }

    /// <summary>
    /// A conversation of <paramref name="teacher"/> with the guardian's household about the child, in a round of this form,
    /// that started <paramref name="startedMinutesAgo"/> minutes before the test clock (negative: still to come).
    /// </summary>
    public static async Task<Guid> ConversationAsync(this TestApp app, SchoolBuilder school, Group group, Person teacher, Person child,
        Person guardian, ConversationForm form = ConversationForm.ThreeWay, RoundKind kind = RoundKind.Progress, int startedMinutesAgo = 5)
    {
        var round = await school.OpenRoundAsync([group]);
        // Each conversation a quarter of an hour earlier than the one before, so one teacher's never overlap.
        var earlier = 15 * (Interlocked.Increment(ref _made) % 200);
        var local = SchoolCalendar.ToLocal(TestClock.Start.UtcDateTime.AddMinutes(-startedMinutesAgo - earlier));
        var slot = (await school.SlotsAsync(round, teacher, 1, TimeOnly.FromDateTime(local), DateOnly.FromDateTime(local)))[0];
        var startsAt = slot.StartsAt;
        return await app.WithDbAsync(async db =>
        {
            var r = await db.Rounds.SingleAsync(x => x.Id == round.Id);
            r.Form = form;
            r.Kind = kind;
            var household = await db.Guardians.Where(g => g.Id == guardian.Id).Select(g => g.HouseholdId).SingleAsync() ?? throw new InvalidOperationException("A guardian without a household.");
            var booking = new Booking
            {
                SchoolId = school.Id, RoundId = round.Id, StaffMemberId = teacher.Id, StudentId = child.Id, HouseholdId = household,
                BookedByUserId = guardian.UserId ?? Guid.NewGuid(), StartsAt = startsAt, EndsAt = slot.EndsAt, SlotId = slot.Id, ActiveSlotId = slot.Id,
                ActiveKey = Booking.KeyFor(round.Id, child.Id, household, teacher.Id), TopicAreas = TopicAreas.Results,
                CreatedAt = TestClock.Start.UtcDateTime.AddDays(-7), Version = Guid.NewGuid(),
            };
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });
    }
}
