using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Checking;

internal static class MetricsCalculator
{
    public static ScheduleMetrics Compute(Instance instance, SlotCalendar calendar, List<Meeting> meetings)
    {
        var byFamily = meetings.GroupBy(m => m.Family.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int totalWaiting = 0, maxWaiting = 0, waitingFamilies = 0, attending = 0, extraVisits = 0, possible = 0, together = 0, familiesShort = 0;
        var teachers = instance.Teachers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var family in instance.Families)
        {
            var mine = byFamily.GetValueOrDefault(family.Id) ?? [];
            var (waiting, days) = Waiting(calendar, mine);
            if (mine.Count > 0)
            {
                attending++;
                extraVisits += days - 1;
            }
            familiesShort += mine.Count < family.Requests.Count ? 1 : 0;
            totalWaiting += waiting;
            maxWaiting = Math.Max(maxWaiting, waiting);
            waitingFamilies += waiting > 0 ? 1 : 0;
            if (family.Requests.Select(r => r.Student).Distinct(StringComparer.Ordinal).Count() >= 2
                && SiblingBlock.IsPossible(calendar, family, teachers))
            {
                possible++;
                // Requests lost to capacity count in placement; here it is the meetings that happen that must touch.
                var students = mine.Select(m => m.Request.Student).Distinct(StringComparer.Ordinal).Count();
                together += students >= 2 && days == 1 && waiting == 0 ? 1 : 0;
            }
        }
        var idle = 0;
        foreach (var group in meetings.GroupBy(m => m.Teacher, StringComparer.Ordinal))
        {
            idle += Waiting(calendar, group.ToList()).Waiting;
        }
        return new ScheduleMetrics(
            meetings.Sum(m => m.Request.Priority),
            instance.Families.Sum(f => f.Requests.Sum(r => r.Priority)),
            meetings.Count,
            instance.Families.Sum(f => f.Requests.Count),
            totalWaiting, maxWaiting, waitingFamilies, attending, extraVisits, possible, together, idle, familiesShort);
    }

    /// <summary>Per day: span from first start to last end minus the minutes in meetings, summed; and the number of days.</summary>
    private static (int Waiting, int Days) Waiting(SlotCalendar calendar, List<Meeting> meetings)
    {
        var total = 0;
        var days = 0;
        foreach (var day in meetings.GroupBy(m => calendar.DayOf(m.Start)))
        {
            days++;
            var first = day.Min(m => calendar.MinuteOf(m.Start));
            var last = day.Max(m => calendar.EndMinuteOf(m.Start, m.End - m.Start));
            var busy = day.Sum(m => (m.End - m.Start) * calendar.SlotMinutes);
            total += Math.Max(0, last - first - busy);
        }
        return (total, days);
    }
}

/// <summary>
/// Whether a family's requests could all form one unbroken block on one day if the family were alone:
/// teacher and family availability and sessions respected, other families ignored.
/// </summary>
public static class SiblingBlock
{
    /// <summary>Families with more requests than this are not searched exhaustively and count as not possible.</summary>
    public const int MaxRequests = 12;

    public static bool IsPossible(SlotCalendar calendar, Family family, IReadOnlyDictionary<string, Teacher> teachers)
    {
        var n = family.Requests.Count;
        if (n == 0 || n > MaxRequests)
        {
            return false;
        }
        var familyAvailable = Availability(family.Available, calendar.SlotCount);
        var teacherAvailable = family.Requests
            .Select(r => r.Teachers.Select(t => Availability(teachers.TryGetValue(t, out var x) ? x.Available : [], calendar.SlotCount)).ToList())
            .ToList();
        var lengths = family.Requests.Select(r => r.Length).ToArray();
        var fits = new bool[n][];
        for (var r = 0; r < n; r++)
        {
            fits[r] = new bool[calendar.SlotCount];
            for (var s = 0; s < calendar.SlotCount; s++)
            {
                fits[r][s] = Fits(calendar, s, lengths[r], familyAvailable, teacherAvailable[r]);
            }
        }
        var reachable = new bool[1 << n];
        var lengthOf = new int[1 << n];
        for (var mask = 1; mask < 1 << n; mask++)
        {
            var low = System.Numerics.BitOperations.TrailingZeroCount(mask);
            lengthOf[mask] = lengthOf[mask & (mask - 1)] + lengths[low];
        }
        foreach (var day in calendar.Days)
        {
            var slotAtMinute = new Dictionary<int, int>();
            for (var s = day.First; s < day.End; s++)
            {
                slotAtMinute[calendar.MinuteOf(s)] = s;
            }
            for (var a = day.First; a < day.End; a++)
            {
                Array.Clear(reachable);
                reachable[0] = true;
                for (var mask = 0; mask < (1 << n) - 1; mask++)
                {
                    if (!reachable[mask] || !slotAtMinute.TryGetValue(calendar.MinuteOf(a) + lengthOf[mask] * calendar.SlotMinutes, out var at))
                    {
                        continue;
                    }
                    for (var r = 0; r < n; r++)
                    {
                        if ((mask & (1 << r)) == 0 && fits[r][at])
                        {
                            reachable[mask | (1 << r)] = true;
                        }
                    }
                }
                if (reachable[(1 << n) - 1])
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Fits(SlotCalendar calendar, int start, int length, bool[] family, List<bool[]> teachers)
    {
        if (!calendar.FitsInOneSession(start, length))
        {
            return false;
        }
        for (var k = start; k < start + length; k++)
        {
            if (!family[k])
            {
                return false;
            }
        }
        foreach (var t in teachers)
        {
            var all = true;
            for (var k = start; k < start + length && all; k++)
            {
                all = t[k];
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }

    private static bool[] Availability(IReadOnlyList<int>? slots, int count)
    {
        var result = new bool[count];
        if (slots is null)
        {
            Array.Fill(result, true);
            return result;
        }
        foreach (var s in slots.Where(s => s >= 0 && s < count))
        {
            result[s] = true;
        }
        return result;
    }
}
