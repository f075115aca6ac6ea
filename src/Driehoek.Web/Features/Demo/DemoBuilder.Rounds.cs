using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Demo;

internal sealed partial class DemoBuilder
{
    // A household with children at both schools must not be booked twice at the same time.
    private readonly HashSet<(Guid Household, DateTime Start)> _busy = [];
    private readonly HashSet<Guid> _taken = [];

    private sealed record Window(DateOnly Date, TimeOnly Start, TimeOnly End);

    /// <summary>
    /// The year's plan for a demo school, with the progress round under way: at the primary school families
    /// book themselves and the first evening was yesterday (held, no-shows, families still to book); at the
    /// secondary school it is a parent evening in request mode with the families' requests in, ready for
    /// the scheduler.
    /// </summary>
    private void AddConversationCycle((School School, SchoolYear Year) s, List<Group> groups)
    {
        var today = SchoolCalendar.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var plan in RoundDefaults.For(s.School.Kind))
        {
            if (plan.Kind != RoundKind.Progress)
            {
                var first = s.Year.StartsOn.AddDays(plan.FirstDayOffset);
                var (opens, closes) = RoundDefaults.BookingWindow(first);
                NewRound(s, groups, plan, first, first.AddDays(plan.Days), opens, closes, first < today ? opens : null);
            }
            else if (s.School.Kind == SchoolKind.Primary)
            {
                AddSelfBookingEvening(s, groups, plan, today, now);
            }
            else
            {
                AddRequestEvening(s, groups, plan, today, now);
            }
        }
    }

    private ConversationRound NewRound((School School, SchoolYear Year) s, List<Group> groups, RoundDefaults.Plan plan,
        DateOnly first, DateOnly last, DateTime opens, DateTime closes, DateTime? publishedAt, RoundMode mode = RoundMode.SelfBooking)
    {
        var round = new ConversationRound
        {
            SchoolId = s.School.Id, SchoolYearId = s.Year.Id, Kind = plan.Kind, Form = plan.Form, LengthMinutes = plan.Length,
            Name = DemoRoundName(plan.Kind, s.Year.Name), FirstDay = first, LastDay = last, Mode = mode,
            Participants = plan.Participants, MaxSubjectTeachers = plan.MaxSubjectTeachers, Handover = plan.Handover,
            BookingOpensAt = opens, BookingClosesAt = closes, CreatedAt = opens.AddDays(-7),
            Status = publishedAt is null ? RoundStatus.Draft : RoundStatus.Published, PublishedAt = publishedAt,
        };
        db.Rounds.Add(round);
        db.RoundGroups.AddRange(groups.Select(g => new RoundGroup { SchoolId = s.School.Id, RoundId = round.Id, GroupId = g.Id }));
        if (publishedAt is { } at)
        {
            AddInvitations(round, groups, at);
        }
        return round;
    }

    private static string DemoRoundName(RoundKind kind, string year) => kind switch
    {
        RoundKind.Start => $"Startgesprekken {year}",
        RoundKind.Progress => $"Voortgangsgesprekken {year}",
        _ => $"Eindgesprekken {year}",
    };

    /// <summary>A published round's invitation records, as publishing leaves them: e-mailed where the household has an address.</summary>
    private void AddInvitations(ConversationRound round, List<Group> groups, DateTime sentAt)
    {
        var guardians = Tracked<Guardian>().ToDictionary(g => g.Id);
        var links = Tracked<Guardianship>().Where(l => l.HasParentalAuthority).ToLookup(l => l.StudentId);
        foreach (var enrollment in EnrollmentsOf(groups))
        {
            foreach (var household in links[enrollment.StudentId].Select(l => guardians[l.GuardianId])
                         .Where(g => g.HouseholdId is not null).GroupBy(g => g.HouseholdId!.Value))
            {
                db.RoundInvitations.Add(new RoundInvitation
                {
                    SchoolId = round.SchoolId, RoundId = round.Id, StudentId = enrollment.StudentId, HouseholdId = household.Key,
                    CreatedAt = sentAt, EmailedAt = household.Any(g => g.Email is not null) ? sentAt : null,
                });
            }
        }
    }

    /// <summary>Slots for every given teacher in every window, as a teacher entering these times would get them.</summary>
    private List<Slot> AddDemoAvailability(ConversationRound round, IEnumerable<Guid> teachers, Func<Guid, IEnumerable<Window>> windows)
    {
        var slots = new List<Slot>();
        foreach (var teacher in teachers)
        {
            foreach (var (date, start, end) in windows(teacher))
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

    private IEnumerable<T> Tracked<T>() where T : class => db.ChangeTracker.Entries<T>().Select(e => e.Entity);

    private List<Enrollment> EnrollmentsOf(List<Group> groups)
    {
        var ids = groups.Select(g => g.Id).ToHashSet();
        return Tracked<Enrollment>().Where(e => ids.Contains(e.GroupId)).ToList();
    }

    /// <summary>Per group its group teacher(s) or mentor(s).</summary>
    private Dictionary<Guid, List<Guid>> MainTeachers() => Tracked<StaffAssignment>()
        .Where(a => a.Role is StaffRole.GroupTeacher or StaffRole.Mentor && a.GroupId is not null)
        .GroupBy(a => a.GroupId!.Value).ToDictionary(g => g.Key, g => g.Select(a => a.StaffMemberId).Distinct().ToList());

    /// <summary>A guardian who takes part for the child (parental authority, in a household), one household at random.</summary>
    private Guardian? Booker(Guid studentId, ILookup<Guid, Guardianship> links, Dictionary<Guid, Guardian> guardians)
    {
        var candidates = links[studentId].Where(l => l.HasParentalAuthority).Select(l => guardians[l.GuardianId])
            .Where(g => g.HouseholdId is not null).ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
    }
}
