using System.Globalization;

namespace Driehoek.Scheduling.Model;

/// <summary>
/// Maps the global slot numbers of an instance to days, sessions and clock times, as the format defines
/// them: numbered through the days in order and through each day's sessions in order.
/// </summary>
public sealed class SlotCalendar
{
    private readonly int[] _slotDay;
    private readonly int[] _slotSession;
    private readonly int[] _slotMinute;

    private SlotCalendar(int slotMinutes, IReadOnlyList<SessionRange> sessions, IReadOnlyList<DayRange> days)
    {
        SlotMinutes = slotMinutes;
        Sessions = sessions;
        Days = days;
        SlotCount = sessions.Count == 0 ? 0 : sessions[^1].End;
        _slotDay = new int[SlotCount];
        _slotSession = new int[SlotCount];
        _slotMinute = new int[SlotCount];
        foreach (var s in sessions)
        {
            for (var k = s.First; k < s.End; k++)
            {
                _slotDay[k] = s.Day;
                _slotSession[k] = s.Index;
                _slotMinute[k] = s.StartMinute + (k - s.First) * slotMinutes;
            }
        }
    }

    public int SlotMinutes { get; }

    public int SlotCount { get; }

    public IReadOnlyList<SessionRange> Sessions { get; }

    public IReadOnlyList<DayRange> Days { get; }

    /// <summary>Builds the calendar; sessions with an unreadable start are taken to start at 00:00 (the validator reports them).</summary>
    public static SlotCalendar From(Instance instance)
    {
        var sessions = new List<SessionRange>();
        var days = new List<DayRange>();
        var next = 0;
        var dayList = instance.Days ?? [];
        for (var d = 0; d < dayList.Count; d++)
        {
            var first = next;
            foreach (var session in dayList[d]?.Sessions ?? [])
            {
                var slots = Math.Max(0, session?.Slots ?? 0);
                var start = TryParseClock(session?.Start, out var minute) ? minute : 0;
                sessions.Add(new SessionRange(sessions.Count, d, next, next + slots, start));
                next += slots;
            }
            days.Add(new DayRange(d, dayList[d]?.Id ?? "", first, next));
        }
        return new SlotCalendar(Math.Max(1, instance.SlotMinutes), sessions, days);
    }

    public int DayOf(int slot) => _slotDay[slot];

    public int SessionOf(int slot) => _slotSession[slot];

    /// <summary>Minutes since midnight at which <paramref name="slot"/> begins.</summary>
    public int MinuteOf(int slot) => _slotMinute[slot];

    /// <summary>Minutes since midnight at which a meeting of <paramref name="length"/> slots starting at <paramref name="start"/> ends.</summary>
    public int EndMinuteOf(int start, int length) => _slotMinute[start + length - 1] + SlotMinutes;

    /// <summary>True when slots start … start+length−1 exist and lie in one session.</summary>
    public bool FitsInOneSession(int start, int length) =>
        start >= 0 && length >= 1 && start + length <= SlotCount && _slotSession[start] == _slotSession[start + length - 1];

    /// <summary>"tue 19:20" — how a person reads a slot.</summary>
    public string Describe(int slot) => $"{Days[_slotDay[slot]].Id} {FormatClock(_slotMinute[slot])}";

    public static string FormatClock(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    public static bool TryParseClock(string? text, out int minute)
    {
        minute = 0;
        if (text is not { Length: 5 } || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || h > 23 || m > 59)
        {
            return false;
        }
        minute = h * 60 + m;
        return true;
    }
}

/// <summary>Slots <see cref="First"/> … <see cref="End"/>−1 of one session.</summary>
public sealed record SessionRange(int Index, int Day, int First, int End, int StartMinute)
{
    public int Length => End - First;
}

/// <summary>Slots <see cref="First"/> … <see cref="End"/>−1 of one day.</summary>
public sealed record DayRange(int Index, string Id, int First, int End);
