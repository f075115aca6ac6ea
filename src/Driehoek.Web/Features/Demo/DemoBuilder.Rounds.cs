using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Demo;

internal sealed partial class DemoBuilder
{
    // A household with children at both schools must not be booked twice at the same time.
    private readonly HashSet<(Guid Household, DateTime Start)> _busy = [];

    /// <summary>
    /// The year's plan for a demo school, with the progress round open for booking right now: teachers
    /// have given their times and about a third of the families have booked, so every page has life in it.
    /// </summary>
    private void AddConversationCycle((School School, SchoolYear Year) s, List<Group> groups)
    {
        var today = SchoolCalendar.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var plan in RoundDefaults.For(s.School.Kind))
        {
            var open = plan.Kind == RoundKind.Progress;
            var first = open ? today.AddDays(10) : s.Year.StartsOn.AddDays(plan.FirstDayOffset);
            var (opens, closes) = open
                ? (now.AddDays(-1), SchoolCalendar.ToUtc(first.AddDays(-2).ToDateTime(new TimeOnly(23, 59))))
                : RoundDefaults.BookingWindow(first);
            var round = new ConversationRound
            {
                SchoolId = s.School.Id, SchoolYearId = s.Year.Id, Kind = plan.Kind, Form = plan.Form, LengthMinutes = plan.Length,
                Name = DemoRoundName(plan.Kind, s.Year.Name), FirstDay = first, LastDay = first.AddDays(open ? 1 : plan.Days),
                Participants = plan.Participants, MaxSubjectTeachers = plan.MaxSubjectTeachers, Handover = plan.Handover,
                BookingOpensAt = opens, BookingClosesAt = closes, CreatedAt = now,
                Status = open || first < today ? RoundStatus.Published : RoundStatus.Draft, PublishedAt = open ? now : null,
            };
            db.Rounds.Add(round);
            db.RoundGroups.AddRange(groups.Select(g => new RoundGroup { SchoolId = s.School.Id, RoundId = round.Id, GroupId = g.Id }));
            if (open)
            {
                var slots = AddDemoAvailability(round, groups);
                AddDemoBookings(round, groups, slots, now);
            }
        }
    }

    private static string DemoRoundName(RoundKind kind, string year) => kind switch
    {
        RoundKind.Start => $"Startgesprekken {year}",
        RoundKind.Progress => $"Voortgangsgesprekken {year}",
        _ => $"Eindgesprekken {year}",
    };

    /// <summary>Every teacher of the round's groups: two evenings (afternoon and evening, with a break).</summary>
    private List<Slot> AddDemoAvailability(ConversationRound round, List<Group> groups)
    {
        var groupIds = groups.Select(g => g.Id).ToHashSet();
        var teachers = db.ChangeTracker.Entries<StaffAssignment>().Select(e => e.Entity)
            .Where(a => a.GroupId is { } g && groupIds.Contains(g)).Select(a => a.StaffMemberId).Distinct().ToList();
        var slots = new List<Slot>();
        foreach (var teacher in teachers)
        {
            foreach (var (date, start, end) in new[]
                     {
                         (round.FirstDay, new TimeOnly(15, 0), new TimeOnly(17, 0)),
                         (round.FirstDay, new TimeOnly(19, 0), new TimeOnly(21, 0)),
                         (round.LastDay, new TimeOnly(19, 0), new TimeOnly(21, 30)),
                     })
            {
                var input = new AvailabilityInput(date, start, end, null, null, "Lokaal " + (1 + Math.Abs(teacher.GetHashCode() % 30)), null);
                var block = new AvailabilityBlock
                {
                    SchoolId = round.SchoolId, RoundId = round.Id, StaffMemberId = teacher, Date = date, Start = start, End = end,
                    Room = input.Room, CreatedBy = _users["directeur"].Id, CreatedAt = round.CreatedAt,
                };
                db.AvailabilityBlocks.Add(block);
                foreach (var t in AddAvailability.SlotTimes(round.LengthMinutes, input))
                {
                    var slot = new Slot
                    {
                        SchoolId = round.SchoolId, RoundId = round.Id, StaffMemberId = teacher, BlockId = block.Id, Room = block.Room,
                        StartsAt = SchoolCalendar.ToUtc(date.ToDateTime(t)), EndsAt = SchoolCalendar.ToUtc(date.ToDateTime(t.AddMinutes(round.LengthMinutes))),
                    };
                    db.Slots.Add(slot);
                    slots.Add(slot);
                }
            }
        }
        return slots;
    }

    /// <summary>About a third of the families have booked their group teacher or mentor (never the demo parent, who can try it).</summary>
    private void AddDemoBookings(ConversationRound round, List<Group> groups, List<Slot> slots, DateTime now)
    {
        var demoParent = db.ChangeTracker.Entries<Guardian>().Select(e => e.Entity).Single(g => g.UserId == _users["ouder"].Id);
        var enrollments = db.ChangeTracker.Entries<Enrollment>().Select(e => e.Entity).Where(e => groups.Any(g => g.Id == e.GroupId)).ToList();
        var links = db.ChangeTracker.Entries<Guardianship>().Select(e => e.Entity).ToLookup(l => l.StudentId);
        var guardians = db.ChangeTracker.Entries<Guardian>().Select(e => e.Entity).ToDictionary(g => g.Id);
        var mainTeacher = db.ChangeTracker.Entries<StaffAssignment>().Select(e => e.Entity)
            .Where(a => a.Role is StaffRole.GroupTeacher or StaffRole.Mentor).GroupBy(a => a.GroupId!.Value).ToDictionary(g => g.Key, g => g.First().StaffMemberId);
        var taken = new HashSet<Guid>();
        foreach (var enrollment in enrollments.Where(_ => _random.NextDouble() < 0.35))
        {
            var guardian = links[enrollment.StudentId].Select(l => guardians[l.GuardianId]).FirstOrDefault();
            if (guardian?.HouseholdId is not { } household || guardian.Id == demoParent.Id || links[enrollment.StudentId].Any(l => l.GuardianId == demoParent.Id)
                || !mainTeacher.TryGetValue(enrollment.GroupId, out var teacher))
            {
                continue;
            }
            var slot = slots.Where(x => x.StaffMemberId == teacher && !taken.Contains(x.Id) && !_busy.Contains((household, x.StartsAt)))
                .OrderBy(_ => _random.Next()).FirstOrDefault();
            if (slot is null)
            {
                continue;
            }
            taken.Add(slot.Id);
            _busy.Add((household, slot.StartsAt));
            NewBooking.Add(db, round, slot, new BookingParty(enrollment.StudentId, household, guardian.Id, _users["directeur"].Id),
                new BookingDetails(null, _random.NextDouble() < 0.5 ? TopicAreas.Results : TopicAreas.Wellbeing, null, MeetingMode.OnSite),
                slot.StartsAt, slot.EndsAt, now);
        }
    }
}
