using System.Globalization;
using Driehoek.Scheduling.Model;
using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>
/// The instance's slot numbers as real times. Day ids are dates ("2026-11-17") and sessions carry their
/// start, so a stored run can always be read back, even after the school changed its sessions.
/// </summary>
public sealed class EveningGrid
{
    private readonly DateTime[] _startsUtc;
    private readonly DateOnly[] _dates;
    private readonly Dictionary<DateTime, int> _index = [];

    private EveningGrid(Instance instance)
    {
        Calendar = SlotCalendar.From(instance);
        _startsUtc = new DateTime[Calendar.SlotCount];
        _dates = new DateOnly[Calendar.SlotCount];
        for (var k = 0; k < Calendar.SlotCount; k++)
        {
            var date = ParseDay(Calendar.Days[Calendar.DayOf(k)].Id);
            var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(Calendar.MinuteOf(k));
            _dates[k] = date;
            _startsUtc[k] = SchoolCalendar.ToUtc(local);
            _index.TryAdd(_startsUtc[k], k);
        }
    }

    public SlotCalendar Calendar { get; }

    public int SlotCount => Calendar.SlotCount;

    public int SlotMinutes => Calendar.SlotMinutes;

    public static EveningGrid From(Instance instance) => new(instance);

    public static string DayId(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string id) =>
        DateOnly.TryParseExact(id, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : DateOnly.MinValue;

    public DateTime StartUtc(int slot) => _startsUtc[slot];

    public DateTime EndUtc(int start, int length) => _startsUtc[start + length - 1].AddMinutes(SlotMinutes);

    public DateOnly DateOf(int slot) => _dates[slot];

    public int? IndexOf(DateTime startUtc) => _index.TryGetValue(startUtc, out var k) ? k : null;

    public bool Fits(int start, int length) => Calendar.FitsInOneSession(start, length);
}
