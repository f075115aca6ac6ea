using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// The hard rules of a schedule as the app checks them: the format's rules (<see cref="SolutionChecker"/>)
/// plus one the format cannot express. When students take part, a child whose separated parents each
/// asked for a conversation is in both households' meetings, so those must not overlap either.
/// </summary>
public static class ScheduleRules
{
    public const string StudentRule = "student";

    /// <summary>The reason text of a request taken out because the child is in the other household's meeting then.</summary>
    public const string StudentBusyReason = "student-busy: the child has a conversation with the other household at every time that fits";

    public static CheckReport Check(Instance instance, Solution solution, bool studentsTakePart)
    {
        var report = SolutionChecker.Check(instance, solution);
        if (!studentsTakePart)
        {
            return report;
        }
        var clashes = StudentClashes(instance, solution).Select(c => new Violation(StudentRule, c.Later.Request,
            $"{StudentOf(instance, c.Later.Request)} is in {c.Earlier.Request} and {c.Later.Request} at once (slot {c.Later.Start})"));
        return report with { Violations = [.. report.Violations, .. clashes] };
    }

    /// <summary>Meetings of one child, for two different households, that overlap in time.</summary>
    public static List<(Assignment Earlier, Assignment Later)> StudentClashes(Instance instance, Solution solution)
    {
        var requests = Index(instance);
        var result = new List<(Assignment, Assignment)>();
        foreach (var child in solution.Assignments.Where(a => requests.ContainsKey(a.Request))
                     .GroupBy(a => requests[a.Request].Request.Student, StringComparer.Ordinal))
        {
            var meetings = child.OrderBy(a => a.Start).ToList();
            for (var i = 0; i < meetings.Count; i++)
            {
                for (var j = i + 1; j < meetings.Count && meetings[j].Start < End(requests, meetings[i]); j++)
                {
                    if (requests[meetings[i].Request].Family != requests[meetings[j].Request].Family)
                    {
                        result.Add((meetings[i], meetings[j]));
                    }
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Resolves clashes between households of one child by moving the movable meeting of each pair to its
    /// best other place (least waiting for its family), or leaving it unplaced with a reason.
    /// </summary>
    public static Solution RepairStudentClashes(Instance instance, Solution solution, Func<string, bool> movable)
    {
        var requests = Index(instance);
        for (var guard = 0; guard < 1000 && StudentClashes(instance, solution) is { Count: > 0 } clashes; guard++)
        {
            var (a, b) = clashes[0];
            var move = !movable(b.Request) || (movable(a.Request) && requests[a.Request].Request.Priority < requests[b.Request].Request.Priority) ? a : b;
            if (!movable(move.Request))
            {
                break;
            }
            var without = solution with { Assignments = solution.Assignments.Where(x => x.Request != move.Request).ToList() };
            solution = BestPlacement(instance, without, move.Request) is { } better
                ? without with { Assignments = [.. without.Assignments, better] }
                : without with { Unplaced = [.. without.Unplaced, new Unplaced(move.Request, StudentBusyReason)] };
        }
        return solution;
    }

    /// <summary>The feasible place for a request (not in <paramref name="solution"/>) that costs its family least.</summary>
    public static Assignment? BestPlacement(Instance instance, Solution solution, string requestId)
    {
        var (request, family) = Index(instance)[requestId];
        var calendar = SlotCalendar.From(instance);
        var teachers = instance.Teachers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        Assignment? best = null;
        var bestCost = long.MaxValue;
        foreach (var teacherId in request.Teachers)
        {
            for (var start = 0; start + request.Length <= calendar.SlotCount; start++)
            {
                if (!calendar.FitsInOneSession(start, request.Length) || !Available(teachers[teacherId].Available, start, request.Length)
                    || !Available(family.Available, start, request.Length))
                {
                    continue;
                }
                var candidate = new Assignment(requestId, teacherId, start);
                var report = Check(instance, solution with { Assignments = [.. solution.Assignments, candidate] }, true);
                if (report.Violations.Any(v => v.Rule != "accounted"))
                {
                    continue;
                }
                var cost = report.Metrics.TotalWaitingMinutes + 60L * report.Metrics.ExtraVisits;
                if (cost < bestCost)
                {
                    (best, bestCost) = (candidate, cost);
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Why a request could not be placed, in words a family understands (a resource key): the teacher is
    /// never there when the family can come, the teacher's times were all taken, or nothing fitted around
    /// the family's other conversations.
    /// </summary>
    public static string FamilyReason(Instance instance, string requestId, string solverReason)
    {
        if (solverReason == StudentBusyReason)
        {
            return "Unplaced.StudentBusy";
        }
        var index = Index(instance);
        if (!index.TryGetValue(requestId, out var found))
        {
            return "Unplaced.NoFit";
        }
        var (request, family) = found;
        var calendar = SlotCalendar.From(instance);
        var teachers = instance.Teachers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var common = request.Teachers.Any(t => Enumerable.Range(0, Math.Max(0, calendar.SlotCount - request.Length + 1))
            .Any(s => calendar.FitsInOneSession(s, request.Length) && Available(teachers[t].Available, s, request.Length)
                      && Available(family.Available, s, request.Length)));
        if (!common)
        {
            return "Unplaced.NoCommonTime";
        }
        var full = request.Teachers.All(t =>
            index.Values.Where(x => x.Request.Teachers.Contains(t)).Sum(x => x.Request.Length) > (teachers[t].Available?.Count ?? calendar.SlotCount));
        return full ? "Unplaced.TeacherFull" : "Unplaced.NoFit";
    }

    public static Dictionary<string, (Request Request, Family Family)> Index(Instance instance)
    {
        var result = new Dictionary<string, (Request, Family)>(StringComparer.Ordinal);
        foreach (var family in instance.Families)
        {
            foreach (var request in family.Requests)
            {
                result.TryAdd(request.Id, (request, family));
            }
        }
        return result;
    }

    private static string StudentOf(Instance instance, string requestId) =>
        Index(instance).TryGetValue(requestId, out var x) ? x.Request.Student : requestId;

    private static int End(Dictionary<string, (Request Request, Family Family)> requests, Assignment a) =>
        a.Start + requests[a.Request].Request.Length;

    private static bool Available(IReadOnlyList<int>? slots, int start, int length)
    {
        if (slots is null)
        {
            return true;
        }
        for (var k = start; k < start + length; k++)
        {
            if (!slots.Contains(k))
            {
                return false;
            }
        }
        return true;
    }
}
