using System.Globalization;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Validation;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>What the scheduler gets, the names to read it by, and what stops it from running (resource keys).</summary>
public sealed record BuiltInstance(
    Instance Instance, ScheduleLabels Labels, IReadOnlyList<FieldError> Problems, IReadOnlyDictionary<string, ConversationRequest> Requests);

/// <summary>
/// Turns a round's sessions, requests and teacher availability into a driehoek-ptc/1 instance. A
/// teacher's slots count where they start on the session grid; a household can come to the sessions it
/// ticked, except when it (or, when students take part, the child) already has a conversation elsewhere.
/// </summary>
public sealed class InstanceBuilder(AppDbContext db)
{
    /// <param name="published">A published schedule that must stay valid: its meetings' times stay available.</param>
    public async Task<BuiltInstance> BuildAsync(ConversationRound round, int? maxConsecutive, Solution? published, CancellationToken ct)
    {
        var problems = new List<FieldError>();
        var shell = new Instance(Instance.SchemaId, $"round-{round.Id:N}", round.LengthMinutes, await DaysAsync(round, problems, ct), [], []);
        var grid = EveningGrid.From(shell);
        var requests = await db.ConversationRequests.AsNoTracking()
            .Where(r => r.RoundId == round.Id
                        && (r.Outcome != RequestOutcome.Scheduled || db.Bookings.Any(b => b.Id == r.BookingId && b.ActiveSlotId != null)))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(ct);
        if (requests.Count == 0)
        {
            problems.Add(new FieldError("", "Schedule.NoRequests"));
        }
        var (requestTeachers, names) = await TeachersOfRequestsAsync(round, requests, published, problems, ct);
        var publishedSlots = PublishedSlots(published, grid, requests);
        var teacherList = await TeachersAsync(round, grid, requestTeachers, maxConsecutive, publishedSlots, names, problems, ct);
        var families = await FamiliesAsync(round, grid, requests, requestTeachers, publishedSlots, ct);
        var instance = shell with { Teachers = teacherList, Families = families };
        var labels = new ScheduleLabels(names.ToDictionary(n => ScheduleLabels.Id(n.Key), n => n.Value));
        if (problems.Count == 0)
        {
            problems.AddRange(InstanceValidator.Validate(instance)
                .Select(e => new FieldError("", "Schedule.InstanceError", labels.Describe(e.ToString()))));
        }
        return new BuiltInstance(instance, labels, problems, requests.ToDictionary(r => ScheduleLabels.Id(r.Id)));
    }

    /// <summary>The sessions by date; a session's slots are the round's conversations that fit in it.</summary>
    private async Task<List<Day>> DaysAsync(ConversationRound round, List<FieldError> problems, CancellationToken ct)
    {
        var sessions = await db.RoundSessions.AsNoTracking().Where(s => s.RoundId == round.Id)
            .OrderBy(s => s.Date).ThenBy(s => s.Start).ToListAsync(ct);
        if (sessions.Count == 0)
        {
            problems.Add(new FieldError("", "Schedule.NoSessions"));
        }
        return sessions.GroupBy(s => s.Date)
            .Select(d => new Day(EveningGrid.DayId(d.Key), d.Select(s => new Session(s.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
                (int)((s.End - s.Start).TotalMinutes / round.LengthMinutes))).ToList()))
            .ToList();
    }

    /// <summary>
    /// Per request the teachers it may go to (the subject teacher, or the group's teacher(s) or mentor(s)),
    /// and the names of everyone in the instance, keyed by their ids.
    /// </summary>
    private async Task<(Dictionary<Guid, List<Guid>> Teachers, Dictionary<Guid, string> Names)> TeachersOfRequestsAsync(
        ConversationRound round, List<ConversationRequest> requests, Solution? published, List<FieldError> problems, CancellationToken ct)
    {
        var studentIds = requests.Select(r => r.StudentId).Distinct().ToList();
        var teachersOf = await TeachersOfStudent.ForRoundAsync(db, round, studentIds, ct);
        var students = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var staffNames = teachersOf.Values.SelectMany(t => t).DistinctBy(t => t.StaffMemberId).ToDictionary(t => t.StaffMemberId, t => t.Name);
        var requestTeachers = requests.ToDictionary(r => r.Id, r => r.StaffMemberId is { } staff
            ? [staff]
            : (teachersOf.GetValueOrDefault(r.StudentId) ?? [])
                .Where(t => t.Role is StaffRole.GroupTeacher or StaffRole.Mentor).Select(t => t.StaffMemberId).ToList());
        if (published is not null)
        {
            KeepPublishedTeachers(published, requestTeachers);
        }
        var missing = requestTeachers.Values.SelectMany(t => t).Where(t => !staffNames.ContainsKey(t)).Distinct().ToList();
        foreach (var m in await db.StaffMembers.AsNoTracking().Where(m => missing.Contains(m.Id)).ToListAsync(ct))
        {
            staffNames[m.Id] = m.FullName;
        }
        var households = await HouseholdLabelsAsync(requests, ct);
        var names = new Dictionary<Guid, string>(students);
        foreach (var (id, name) in households.Concat(staffNames))
        {
            names[id] = name;
        }
        foreach (var r in requests)
        {
            if (requestTeachers[r.Id].Count == 0)
            {
                problems.Add(new FieldError("", "Schedule.NoMainTeacher", students[r.StudentId], households[r.HouseholdId]));
            }
            names[r.Id] = $"{students[r.StudentId]} – {string.Join(" / ", requestTeachers[r.Id].Select(t => staffNames[t]))}";
        }
        return (requestTeachers, names);
    }

    /// <summary>
    /// A published meeting stays with its teacher even when the group's teacher changed since: the family
    /// was told that name and time.
    /// </summary>
    private static void KeepPublishedTeachers(Solution published, Dictionary<Guid, List<Guid>> requestTeachers)
    {
        foreach (var a in published.Assignments)
        {
            if (ScheduleLabels.ParseId(a.Request) is { } r && ScheduleLabels.ParseId(a.Teacher) is { } t
                && requestTeachers.TryGetValue(r, out var teachers) && !teachers.Contains(t))
            {
                teachers.Add(t);
            }
        }
    }

    /// <summary>Per teacher and per household, the slots their published meetings take.</summary>
    private static Dictionary<string, HashSet<int>> PublishedSlots(Solution? published, EveningGrid grid, List<ConversationRequest> requests)
    {
        var result = new Dictionary<string, HashSet<int>>();
        if (published is null)
        {
            return result;
        }
        var byId = requests.ToDictionary(r => ScheduleLabels.Id(r.Id));
        foreach (var a in published.Assignments)
        {
            if (!byId.TryGetValue(a.Request, out var r) || a.Start < 0 || a.Start >= grid.SlotCount)
            {
                continue;
            }
            var length = r.DoubleLength ? 2 : 1;
            foreach (var owner in new[] { a.Teacher, ScheduleLabels.Id(r.HouseholdId) })
            {
                var set = result.TryGetValue(owner, out var s) ? s : result[owner] = [];
                set.UnionWith(Enumerable.Range(a.Start, Math.Min(length, grid.SlotCount - a.Start)));
            }
        }
        return result;
    }

    private async Task<List<Teacher>> TeachersAsync(ConversationRound round, EveningGrid grid, Dictionary<Guid, List<Guid>> requestTeachers,
        int? maxConsecutive, Dictionary<string, HashSet<int>> publishedSlots, Dictionary<Guid, string> staffNames, List<FieldError> problems,
        CancellationToken ct)
    {
        var teacherIds = requestTeachers.Values.SelectMany(t => t).Distinct().ToList();
        var slots = await db.Slots.AsNoTracking().Where(s => s.RoundId == round.Id && teacherIds.Contains(s.StaffMemberId))
            .Select(s => new { s.StaffMemberId, s.StartsAt, s.EndsAt }).ToListAsync(ct);
        var available = teacherIds.ToDictionary(t => t, t => publishedSlots.GetValueOrDefault(ScheduleLabels.Id(t))?.ToHashSet() ?? []);
        foreach (var s in slots)
        {
            if (grid.IndexOf(s.StartsAt) is { } k && (s.EndsAt - s.StartsAt).TotalMinutes == grid.SlotMinutes)
            {
                available[s.StaffMemberId].Add(k);
            }
        }
        foreach (var teacher in teacherIds.Where(t => available[t].Count == 0))
        {
            var stuck = requestTeachers.Values.Count(ts => ts.Contains(teacher) && ts.All(t => available[t].Count == 0));
            if (stuck > 0)
            {
                problems.Add(new FieldError("", "Schedule.TeacherWithoutAvailability", staffNames[teacher], stuck));
            }
        }
        return teacherIds.OrderBy(t => staffNames[t], StringComparer.Ordinal).ThenBy(t => t)
            .Select(t => new Teacher(ScheduleLabels.Id(t), available[t].Order().ToList(), maxConsecutive))
            .ToList();
    }

    private async Task<List<Family>> FamiliesAsync(ConversationRound round, EveningGrid grid, List<ConversationRequest> requests,
        Dictionary<Guid, List<Guid>> requestTeachers, Dictionary<string, HashSet<int>> publishedSlots, CancellationToken ct)
    {
        var householdIds = requests.Select(r => r.HouseholdId).Distinct().ToList();
        var studentIds = requests.Select(r => r.StudentId).Distinct().ToList();
        var chosen = await db.FamilySessions.AsNoTracking().Where(f => f.RoundId == round.Id && householdIds.Contains(f.HouseholdId))
            .Join(db.RoundSessions, f => f.SessionId, s => s.Id, (f, s) => new { f.HouseholdId, s.Date, s.Start })
            .ToListAsync(ct);
        var withStudent = round.Participants.HasFlag(Participants.Student);
        var first = grid.SlotCount == 0 ? DateTime.MaxValue : grid.StartUtc(0);
        var last = grid.SlotCount == 0 ? DateTime.MinValue : grid.EndUtc(grid.SlotCount - 1, 1);
        // Conversations the household (or the child) already has in other rounds: those times are taken.
        var busy = await db.Bookings.AsNoTracking()
            .Where(b => b.RoundId != round.Id && b.ActiveSlotId != null && b.StartsAt < last && b.EndsAt > first
                        && (householdIds.Contains(b.HouseholdId) || (withStudent && studentIds.Contains(b.StudentId))))
            .Select(b => new { b.HouseholdId, b.StudentId, b.StartsAt, b.EndsAt }).ToListAsync(ct);
        var families = new List<Family>();
        foreach (var household in requests.GroupBy(r => r.HouseholdId).OrderBy(g => g.Key))
        {
            var own = household.Select(r => r.StudentId).ToHashSet();
            var sessionStarts = chosen.Where(c => c.HouseholdId == household.Key)
                .Select(c => (c.Date, c.Start)).ToHashSet();
            var available = new SortedSet<int>(publishedSlots.GetValueOrDefault(ScheduleLabels.Id(household.Key)) ?? []);
            for (var k = 0; k < grid.SlotCount; k++)
            {
                var session = grid.Calendar.Sessions[grid.Calendar.SessionOf(k)];
                var sessionStart = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(session.StartMinute));
                var start = grid.StartUtc(k);
                var end = grid.EndUtc(k, 1);
                var taken = busy.Any(b => (b.HouseholdId == household.Key || own.Contains(b.StudentId)) && b.StartsAt < end && b.EndsAt > start);
                if (sessionStarts.Contains((grid.DateOf(k), sessionStart)) && !taken)
                {
                    available.Add(k);
                }
            }
            var list = household.Select(r => new Request(ScheduleLabels.Id(r.Id), ScheduleLabels.Id(r.StudentId),
                requestTeachers[r.Id].Select(ScheduleLabels.Id).ToList(), r.DoubleLength ? 2 : 1, r.Priority)).ToList();
            families.Add(new Family(ScheduleLabels.Id(household.Key), list, available.ToList()));
        }
        return families;
    }

    /// <summary>"Anna de Vries & Karim de Vries (Noor, Sam)": the guardians and the children they asked for.</summary>
    private async Task<Dictionary<Guid, string>> HouseholdLabelsAsync(List<ConversationRequest> requests, CancellationToken ct)
    {
        var householdIds = requests.Select(r => r.HouseholdId).Distinct().ToList();
        var guardians = await db.Guardians.AsNoTracking().Where(g => g.HouseholdId != null && householdIds.Contains(g.HouseholdId.Value))
            .Select(g => new { HouseholdId = g.HouseholdId!.Value, g.FirstName, g.LastNamePrefix, g.LastName }).ToListAsync(ct);
        var studentIds = requests.Select(r => r.StudentId).Distinct().ToList();
        var children = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        return householdIds.ToDictionary(h => h, h =>
        {
            var adults = string.Join(" & ", guardians.Where(g => g.HouseholdId == h).Select(g => PersonName.Format(g.FirstName, g.LastNamePrefix, g.LastName)).Order());
            var kids = string.Join(", ", requests.Where(r => r.HouseholdId == h).Select(r => children[r.StudentId]).Distinct().Order());
            return $"{(adults.Length == 0 ? "?" : adults)} ({kids})";
        });
    }
}
