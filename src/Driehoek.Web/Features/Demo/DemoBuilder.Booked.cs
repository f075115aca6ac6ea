using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Demo;

/// <summary>
/// The primary school's progress round, half-way: the first evening was yesterday (most came, a few did not
/// show), the second is next week, and a few families in every group have not booked yet.
/// </summary>
internal sealed partial class DemoBuilder
{
    private const int NotBookedPerGroup = 3;

    private void AddSelfBookingEvening((School School, SchoolYear Year) s, List<Group> groups, RoundDefaults.Plan plan, DateOnly today, DateTime now)
    {
        var first = today.AddDays(-1);
        var last = today.AddDays(6);
        var opens = now.AddDays(-21);
        var round = NewRound(s, groups, plan, first, last, opens, SchoolCalendar.ToUtc(last.AddDays(-2).ToDateTime(new TimeOnly(23, 59))), opens);
        var main = MainTeachers();
        var teachers = groups.SelectMany(g => main.GetValueOrDefault(g.Id) ?? []).Distinct();
        var slots = AddDemoAvailability(round, teachers, _ =>
        [
            new Window(first, new TimeOnly(15, 0), new TimeOnly(17, 0)),
            new Window(first, new TimeOnly(19, 0), new TimeOnly(21, 0)),
            new Window(last, new TimeOnly(19, 0), new TimeOnly(21, 30)),
        ]);
        AddScriptedBookings(round, groups, main, slots, now);
        AddFamilyBookings(round, groups, main, slots, now);
    }

    /// <summary>The sign-ins' families: the mother of the separated family came yesterday for Lotte and booked Finn; Yasmina booked Adam with an interpreter.</summary>
    private void AddScriptedBookings(ConversationRound round, List<Group> groups, Dictionary<Guid, List<Guid>> main, List<Slot> slots, DateTime now)
    {
        var groupOf = EnrollmentsOf(groups).ToDictionary(e => e.StudentId, e => e.GroupId);
        var mother = _separated.Family.Guardians[0];
        var lotte = Book(round, FreeSlot(slots, main[groupOf[_separated.Younger.Id]], mother, past: true, now)!, _separated.Younger.Id, mother,
            new BookingDetails("Hoe gaat het met lezen?", TopicAreas.Results, null, MeetingMode.OnSite), now);
        lotte.Status = BookingStatus.Held;
        Book(round, FreeSlot(slots, main[groupOf[_separated.Older.Id]], mother, past: false, now)!, _separated.Older.Id, mother,
            new BookingDetails(null, TopicAreas.Wellbeing, null, MeetingMode.OnSite), now);
        var yasmina = _arabic.Family.Guardians[0];
        Book(round, FreeSlot(slots, main[groupOf[_arabic.Primary.Id]], yasmina, past: false, now)!, _arabic.Primary.Id, yasmina,
            new BookingDetails(null, TopicAreas.Results | TopicAreas.Wellbeing, "Arabisch", MeetingMode.OnSite), now);
    }

    /// <summary>
    /// In every group all but <see cref="NotBookedPerGroup"/> families have booked (the demo parent's Emma is one of those
    /// who have not, so she can be booked); of yesterday's conversations most were held and one or two were no-shows.
    /// </summary>
    private void AddFamilyBookings(ConversationRound round, List<Group> groups, Dictionary<Guid, List<Guid>> main, List<Slot> slots, DateTime now)
    {
        var links = Tracked<Guardianship>().ToLookup(l => l.StudentId);
        var guardians = Tracked<Guardian>().ToDictionary(g => g.Id);
        var enrollments = EnrollmentsOf(groups);
        for (var i = 0; i < groups.Count; i++)
        {
            var noShows = 1 + i % 2;
            var students = enrollments.Where(e => e.GroupId == groups[i].Id && !_scripted.Contains(e.StudentId))
                .OrderBy(_ => _random.Next()).Skip(NotBookedPerGroup).ToList();
            foreach (var enrollment in students)
            {
                if (Booker(enrollment.StudentId, links, guardians) is not { } guardian
                    || FreeSlot(slots, main[groups[i].Id], guardian, past: null, now) is not { } slot)
                {
                    continue;
                }
                var booking = Book(round, slot, enrollment.StudentId, guardian,
                    new BookingDetails(null, _random.NextDouble() < 0.5 ? TopicAreas.Results : TopicAreas.Wellbeing, null, MeetingMode.OnSite), now);
                if (slot.StartsAt < now)
                {
                    // As the teacher records it the morning after (RecordOutcome): held, or the family did not come.
                    booking.Status = noShows-- > 0 ? BookingStatus.NoShow : BookingStatus.Held;
                }
            }
        }
    }

    /// <summary>A random free time of one of the teachers that the household has free (<paramref name="past"/>: yesterday's, next week's, or either).</summary>
    private Slot? FreeSlot(List<Slot> slots, List<Guid> teachers, Guardian guardian, bool? past, DateTime now) =>
        slots.Where(x => teachers.Contains(x.StaffMemberId) && !_taken.Contains(x.Id) && !_busy.Contains((guardian.HouseholdId!.Value, x.StartsAt))
                         && (past is null || past == x.StartsAt < now))
            .OrderBy(_ => _random.Next()).FirstOrDefault();

    private Booking Book(ConversationRound round, Slot slot, Guid studentId, Guardian guardian, BookingDetails details, DateTime now)
    {
        var household = guardian.HouseholdId!.Value;
        _taken.Add(slot.Id);
        _busy.Add((household, slot.StartsAt));
        return NewBooking.Add(db, round, slot, new BookingParty(studentId, household, guardian.Id, guardian.UserId ?? _users["directeur"].Id),
            details, slot.StartsAt, slot.EndsAt, now);
    }
}
