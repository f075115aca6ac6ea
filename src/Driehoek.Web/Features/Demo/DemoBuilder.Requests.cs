using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.ParentEvenings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Demo;

/// <summary>
/// The secondary school's progress round as a parent evening in request mode: two evenings next week and a
/// half, every teacher's times entered, and about two in three families' requests in (the mentor, most with
/// one to three subject teachers). The rector can run the scheduler; the demo parent can still ask.
/// </summary>
internal sealed partial class DemoBuilder
{
    private static readonly string[] DemoTopics =
    [
        "Het rapport en de cijfers", "Plannen en huiswerk", "Hoe gaat het in de klas?", "Motivatie", "Samenwerken in de klas",
    ];

    private static readonly Dictionary<string, string> InterpreterLanguages = new()
    {
        ["ar"] = "Arabisch", ["tr"] = "Turks", ["pl"] = "Pools", ["uk"] = "Oekraïens",
    };

    private void AddRequestEvening((School School, SchoolYear Year) s, List<Group> groups, RoundDefaults.Plan plan, DateOnly today, DateTime now)
    {
        var first = today.AddDays(9);
        var last = first.AddDays(1);
        var opens = now.AddDays(-7);
        var round = NewRound(s, groups, plan, first, last, opens, SchoolCalendar.ToUtc(first.AddDays(-4).ToDateTime(new TimeOnly(23, 59))), opens,
            RoundMode.Requests);
        var sessions = new[] { first, last }.Select(d => new RoundSession
        {
            SchoolId = round.SchoolId, RoundId = round.Id, Date = d, Start = new TimeOnly(18, 0), End = new TimeOnly(21, 30), CreatedAt = round.CreatedAt,
        }).ToList();
        db.RoundSessions.AddRange(sessions);
        var groupIds = groups.Select(g => g.Id).ToHashSet();
        var teachers = Tracked<StaffAssignment>().Where(a => a.GroupId is { } g && groupIds.Contains(g)).Select(a => a.StaffMemberId).Distinct().ToList();
        // Every tenth teacher works part-time and comes on the first evening only.
        AddDemoAvailability(round, teachers, t => sessions.Where(x => x == sessions[0] || teachers.IndexOf(t) % 10 != 9)
            .Select(x => new Window(x.Date, x.Start, x.End)));
        AddRequests(round, groups, sessions, now);
    }

    private void AddRequests(ConversationRound round, List<Group> groups, List<RoundSession> sessions, DateTime now)
    {
        var links = Tracked<Guardianship>().ToLookup(l => l.StudentId);
        var guardians = Tracked<Guardian>().ToDictionary(g => g.Id);
        var subjects = Tracked<StaffAssignment>().Where(a => a.Role == StaffRole.SubjectTeacher && a.GroupId is not null)
            .ToLookup(a => a.GroupId!.Value);
        var main = MainTeachers();
        var doubles = new HashSet<Guid>();
        var households = new HashSet<Guid>();

        var yasmina = _arabic.Family.Guardians[0];
        var salmaGroup = Tracked<Enrollment>().Single(e => e.StudentId == _arabic.Secondary.Id).GroupId;
        var maths = subjects[salmaGroup].First(a => a.Subject == "Wiskunde").StaffMemberId;
        AddRequest(round, yasmina, _arabic.Secondary.Id, [null, maths], new BookingDetails("Salma vindt wiskunde moeilijk", TopicAreas.Results,
            "Arabisch", MeetingMode.OnSite), isDouble: false, now);
        ChooseSessions(round, yasmina.HouseholdId!.Value, sessions, households, both: true);

        foreach (var enrollment in EnrollmentsOf(groups).Where(e => !_scripted.Contains(e.StudentId)))
        {
            if (_random.NextDouble() >= 0.65 || Booker(enrollment.StudentId, links, guardians) is not { } guardian)
            {
                continue;
            }
            var household = guardian.HouseholdId!.Value;
            var ownMain = main.GetValueOrDefault(enrollment.GroupId) ?? [];
            var wanted = new List<Guid?> { null };
            wanted.AddRange(SubjectChoice(subjects[enrollment.GroupId].Where(a => !ownMain.Contains(a.StaffMemberId)).ToList()));
            var interpreter = guardian.PreferredLanguage != "nl" && _random.NextDouble() < 0.4
                ? InterpreterLanguages.GetValueOrDefault(guardian.PreferredLanguage) : null;
            var details = new BookingDetails(_random.NextDouble() < 0.4 ? Pick(DemoTopics) : null,
                _random.NextDouble() < 0.6 ? TopicAreas.Results : TopicAreas.Results | TopicAreas.Wellbeing, interpreter, MeetingMode.OnSite);
            // Now and then a family asks for a double conversation with the mentor (one per household).
            var isDouble = _random.NextDouble() < 0.04 && doubles.Add(household);
            AddRequest(round, guardian, enrollment.StudentId, wanted, details, isDouble, now);
            ChooseSessions(round, household, sessions, households, both: _random.NextDouble() < 0.7);
        }
    }

    /// <summary>None to three of the child's subject teachers; the core subjects are asked for a little more often.</summary>
    private IEnumerable<Guid?> SubjectChoice(List<StaffAssignment> available)
    {
        var r = _random.NextDouble();
        var count = r < 0.4 ? 0 : r < 0.75 ? 1 : r < 0.93 ? 2 : 3;
        return available.OrderBy(a => (a.Subject is "Wiskunde" or "Nederlands" or "Engels" ? 0 : 1) + _random.NextDouble() * 4)
            .Take(count).Select(a => (Guid?)a.StaffMemberId).Distinct();
    }

    private void AddRequest(ConversationRound round, Guardian guardian, Guid studentId, List<Guid?> teachers, BookingDetails details, bool isDouble, DateTime now)
    {
        var family = new FamilyRound(round, guardian.HouseholdId!.Value, guardian.Id, [studentId]);
        var asked = now.AddHours(-_random.Next(1, 24 * 6));
        foreach (var teacher in teachers)
        {
            db.ConversationRequests.Add(RequestValidation.NewRequest(family, studentId, teacher, details, isDouble && teacher is null,
                guardian.UserId ?? _users["rector"].Id, asked, late: false));
        }
    }

    /// <summary>The evenings a household can come to (once per household, whatever the number of children).</summary>
    private void ChooseSessions(ConversationRound round, Guid household, List<RoundSession> sessions, HashSet<Guid> done, bool both)
    {
        if (!done.Add(household))
        {
            return;
        }
        var chosen = both ? sessions : [sessions[_random.Next(sessions.Count)]];
        db.FamilySessions.AddRange(chosen.Select(s => new FamilySession { SchoolId = round.SchoolId, RoundId = round.Id, HouseholdId = household, SessionId = s.Id }));
    }
}
