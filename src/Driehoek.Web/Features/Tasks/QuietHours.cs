using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Tasks;

/// <summary>When mail to a staff member may go: outside their quiet hours, in school time.</summary>
public static class QuietHours
{
    public static readonly TimeOnly DefaultStart = new(21, 0);
    public static readonly TimeOnly DefaultEnd = new(7, 0);

    /// <summary>Null when <paramref name="utcNow"/> is outside the quiet hours; else the moment (UTC) they end.</summary>
    public static DateTime? EndOf(DateTime utcNow, TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            return null;
        }
        var local = SchoolCalendar.ToLocal(utcNow);
        var time = TimeOnly.FromDateTime(local);
        var today = DateOnly.FromDateTime(local);
        DateOnly? endsOn = start < end
            ? (time >= start && time < end ? today : null)
            : (time >= start ? today.AddDays(1) : time < end ? today : null);
        return endsOn is { } day ? SchoolCalendar.ToUtc(day.ToDateTime(end)) : null;
    }
}
