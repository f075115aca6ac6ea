using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Checking;

/// <summary>
/// Checks a solution against the hard rules and computes its metrics from scratch. Deliberately shares no
/// code with the solver's internal state, so it can catch the solver's mistakes.
/// </summary>
public static class SolutionChecker
{
    public static CheckReport Check(Instance instance, Solution solution)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(solution);
        var calendar = SlotCalendar.From(instance);
        var violations = new List<Violation>();
        var requests = new Dictionary<string, (Request Request, Family Family)>(StringComparer.Ordinal);
        foreach (var family in instance.Families)
        {
            foreach (var request in family.Requests)
            {
                requests.TryAdd(request.Id, (request, family));
            }
        }
        var teachers = instance.Teachers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        if (solution.Schema != Solution.SchemaId)
        {
            violations.Add(new("reference", "schema", $"expected \"{Solution.SchemaId}\", got \"{solution.Schema}\""));
        }
        if (solution.Instance != instance.Name)
        {
            violations.Add(new("reference", "instance", $"the solution is for \"{solution.Instance}\", not \"{instance.Name}\""));
        }
        var meetings = CheckAccounting(solution, requests, violations);
        var valid = new List<Meeting>();
        foreach (var (assignment, request, family) in meetings)
        {
            if (CheckMeeting(assignment, request, family, teachers, calendar, violations))
            {
                valid.Add(new Meeting(request, family, assignment.Teacher, assignment.Start, assignment.Start + request.Length));
            }
        }
        CheckOverlaps(valid, m => m.Teacher, "teacher", violations);
        CheckOverlaps(valid, m => m.Family.Id, "family", violations);
        CheckMaxConsecutive(valid, teachers, calendar, violations);
        var metrics = MetricsCalculator.Compute(instance, calendar, valid);
        return new CheckReport(violations, metrics);
    }

    private static List<(Assignment, Request, Family)> CheckAccounting(
        Solution solution, Dictionary<string, (Request Request, Family Family)> requests, List<Violation> violations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var placed = new List<(Assignment, Request, Family)>();
        foreach (var assignment in solution.Assignments ?? [])
        {
            if (!requests.TryGetValue(assignment.Request, out var found))
            {
                violations.Add(new("reference", assignment.Request, "is not a request of this instance"));
            }
            else if (!seen.Add(assignment.Request))
            {
                violations.Add(new("accounted", assignment.Request, "appears more than once"));
            }
            else
            {
                placed.Add((assignment, found.Request, found.Family));
            }
        }
        foreach (var unplaced in solution.Unplaced ?? [])
        {
            if (!requests.ContainsKey(unplaced.Request))
            {
                violations.Add(new("reference", unplaced.Request, "is not a request of this instance"));
            }
            else if (!seen.Add(unplaced.Request))
            {
                violations.Add(new("accounted", unplaced.Request, "appears more than once"));
            }
            if (string.IsNullOrWhiteSpace(unplaced.Reason))
            {
                violations.Add(new("accounted", unplaced.Request, "is unplaced without a reason"));
            }
        }
        foreach (var id in requests.Keys.Where(id => !seen.Contains(id)))
        {
            violations.Add(new("accounted", id, "is neither assigned nor listed as unplaced"));
        }
        return placed;
    }

    private static bool CheckMeeting(Assignment a, Request request, Family family, Dictionary<string, Teacher> teachers, SlotCalendar calendar, List<Violation> violations)
    {
        if (!request.Teachers.Contains(a.Teacher))
        {
            violations.Add(new("reference", request.Id, $"is assigned to {a.Teacher}, who is not one of its teachers ({string.Join(", ", request.Teachers)})"));
            return false;
        }
        if (!teachers.TryGetValue(a.Teacher, out var teacher))
        {
            violations.Add(new("reference", request.Id, $"teacher {a.Teacher} is not defined"));
            return false;
        }
        if (a.Start < 0 || a.Start + request.Length > calendar.SlotCount)
        {
            violations.Add(new("session", request.Id, $"starts at slot {a.Start}, outside slots 0–{calendar.SlotCount - 1} for length {request.Length}"));
            return false;
        }
        if (!calendar.FitsInOneSession(a.Start, request.Length))
        {
            violations.Add(new("session", request.Id, $"runs from slot {a.Start} over the end of its session"));
            return false;
        }
        var ok = true;
        for (var k = a.Start; k < a.Start + request.Length; k++)
        {
            if (teacher.Available is { } ta && !ta.Contains(k))
            {
                violations.Add(new("availability", request.Id, $"{teacher.Id} is not available at slot {k} ({calendar.Describe(k)})"));
                ok = false;
            }
            if (family.Available is { } fa && !fa.Contains(k))
            {
                violations.Add(new("availability", request.Id, $"{family.Id} is not available at slot {k} ({calendar.Describe(k)})"));
                ok = false;
            }
        }
        return ok;
    }

    private static void CheckOverlaps(List<Meeting> meetings, Func<Meeting, string> owner, string kind, List<Violation> violations)
    {
        foreach (var group in meetings.GroupBy(owner, StringComparer.Ordinal))
        {
            var sorted = group.OrderBy(m => m.Start).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                var latestEnd = sorted.Take(i).Max(m => m.End);
                if (sorted[i].Start < latestEnd)
                {
                    var other = sorted.Take(i).First(m => m.End > sorted[i].Start);
                    violations.Add(new("overlap", group.Key, $"{kind} {group.Key} is in {other.Request.Id} and {sorted[i].Request.Id} at once (slot {sorted[i].Start})"));
                }
            }
        }
    }

    private static void CheckMaxConsecutive(List<Meeting> meetings, Dictionary<string, Teacher> teachers, SlotCalendar calendar, List<Violation> violations)
    {
        foreach (var group in meetings.GroupBy(m => m.Teacher, StringComparer.Ordinal))
        {
            if (teachers[group.Key].MaxConsecutive is not int max)
            {
                continue;
            }
            var sorted = group.OrderBy(m => m.Start).ToList();
            var run = 1;
            for (var i = 1; i <= sorted.Count; i++)
            {
                var adjacent = i < sorted.Count && sorted[i].Start == sorted[i - 1].End
                    && calendar.SessionOf(sorted[i].Start) == calendar.SessionOf(sorted[i - 1].Start);
                if (adjacent)
                {
                    run++;
                    continue;
                }
                if (run > max)
                {
                    violations.Add(new("maxConsecutive", group.Key, $"holds {run} meetings back-to-back ending at slot {sorted[i - 1].End - 1}, more than its maximum of {max}"));
                }
                run = 1;
            }
        }
    }
}

internal sealed record Meeting(Request Request, Family Family, string Teacher, int Start, int End);
