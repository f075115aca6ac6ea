using System.Text;

namespace Driehoek.Scheduling.Solving;

/// <summary>
/// Explains why a request is not in the schedule in words a school leader can act on: who is never there
/// at the same time, who is fully booked when, or which other meeting is in the way.
/// </summary>
internal static class UnplacedReasons
{
    public static string Explain(Schedule s, int request)
    {
        var p = s.P;
        var family = p.RequestFamily[request];
        var familyId = p.FamilyIds[family];
        var teachers = p.RequestTeachers[request];
        var names = JoinNames(teachers.Select(t => p.TeacherIds[t]).ToList(), "and");
        var orNames = JoinNames(teachers.Select(t => p.TeacherIds[t]).ToList(), "or");
        var length = p.Length[request];
        var statically = new List<(int Teacher, int Start)>();
        foreach (var t in teachers)
        {
            for (var start = 0; start + length <= p.SlotCount; start++)
            {
                if (p.StaticallyFits(request, t, start))
                {
                    statically.Add((t, start));
                }
            }
        }
        if (statically.Count == 0)
        {
            return NeverTogether(p, request, family, familyId, orNames);
        }
        var familyClash = new List<int>();
        var runTooLong = new List<int>();
        var ownMeetings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (t, start) in statically)
        {
            if (!FreeFor(s.TeacherGrid[t], start, length))
            {
                continue;
            }
            if (!FreeFor(s.FamilyGrid[family], start, length))
            {
                familyClash.Add(start);
                for (var k = start; k < start + length; k++)
                {
                    var other = s.FamilyGrid[family][k];
                    if (other >= 0)
                    {
                        ownMeetings.Add($"{p.RequestIds[other]} with {p.TeacherIds[s.Teacher[other]]}");
                    }
                }
            }
            else if (s.RunLengthWith(t, start, length) > p.MaxConsecutive[t])
            {
                runTooLong.Add(start);
            }
        }
        var window = Ranges(p, statically.SelectMany(x => Enumerable.Range(x.Start, length)).Distinct().Order().ToList());
        var text = new StringBuilder(teachers.Length == 1
            ? $"{names} is fully booked in the slots {familyId} can attend ({window})"
            : $"{names} have no free slot when {familyId} is available ({window})");
        if (runTooLong.Count > 0)
        {
            var max = teachers.Select(t => p.MaxConsecutive[t]).Where(m => m != int.MaxValue).DefaultIfEmpty(0).Min();
            text.Append($", except at {Times(p, runTooLong)}, where one more meeting would exceed the maximum of {max} back-to-back");
        }
        if (familyClash.Count > 0)
        {
            text.Append($"{(runTooLong.Count > 0 ? ", and" : ", except")} at {Times(p, familyClash)}, when {familyId} is in its other meetings ({string.Join(", ", ownMeetings)})");
        }
        text.Append("; ").Append(Demand(s, teachers));
        return text.ToString();
    }

    private static string Times(Problem p, List<int> starts) =>
        string.Join(", ", starts.Distinct().Order().Take(4).Select(k => p.Calendar.Describe(k))) + (starts.Distinct().Count() > 4 ? " …" : "");

    private static string NeverTogether(Problem p, int request, int family, string familyId, string orNames)
    {
        var length = p.Length[request];
        var sharesSession = false;
        foreach (var t in p.RequestTeachers[request])
        {
            for (var k = 0; k < p.SlotCount && !sharesSession; k++)
            {
                sharesSession = p.TeacherAvailable[t][k] && p.FamilyAvailable[family][k];
            }
        }
        if (!sharesSession)
        {
            var teacherSessions = p.RequestTeachers[request].SelectMany(t => Enumerable.Range(0, p.SlotCount).Where(k => p.TeacherAvailable[t][k])).Select(k => p.SessionFirst[k]).ToHashSet();
            var familySessions = Enumerable.Range(0, p.SlotCount).Where(k => p.FamilyAvailable[family][k]).Select(k => p.SessionFirst[k]);
            return familySessions.Any(teacherSessions.Contains)
                ? $"{familyId} is never available at the same time as {orNames}"
                : $"{familyId} is available in no session of {orNames}";
        }
        return $"{orNames} and {familyId} are never both available for {length} consecutive slots ({length * p.SlotMinutes} minutes) in one session";
    }

    private static string Demand(Schedule s, int[] teachers)
    {
        var p = s.P;
        var parts = teachers.Select(t =>
        {
            var requested = p.TeacherRequests[t].Sum(r => p.Length[r]);
            var available = p.TeacherAvailable[t].Count(a => a);
            return $"{p.TeacherIds[t]} has {requested} slots requested for {available} available";
        });
        return string.Join(", ", parts);
    }

    private static bool FreeFor(int[] grid, int start, int length)
    {
        for (var k = start; k < start + length; k++)
        {
            if (grid[k] >= 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"tue 19:00–20:30, thu 19:00–19:40" for a sorted list of slots.</summary>
    internal static string Ranges(Problem p, List<int> slots)
    {
        var text = new StringBuilder();
        for (var i = 0; i < slots.Count;)
        {
            var j = i;
            while (j + 1 < slots.Count && slots[j + 1] == slots[j] + 1 && p.SessionFirst[slots[j + 1]] == p.SessionFirst[slots[i]])
            {
                j++;
            }
            if (text.Length > 0)
            {
                text.Append(", ");
            }
            var from = p.Calendar.Describe(slots[i]);
            var to = Model.SlotCalendar.FormatClock(p.SlotMinute[slots[j]] + p.SlotMinutes);
            text.Append(from).Append('–').Append(to);
            i = j + 1;
        }
        return text.ToString();
    }

    private static string JoinNames(List<string> names, string conjunction) => names.Count switch
    {
        1 => names[0],
        2 => $"{names[0]} {conjunction} {names[1]}",
        _ => string.Join(", ", names.Take(names.Count - 1)) + $" {conjunction} {names[^1]}",
    };
}
