using Driehoek.Web.Features.Organisation;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Driehoek.Web.Features.Bookings;

public sealed record CalendarEvent(
    Guid Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, string Summary, string? Location, string? Description,
    string? Url, bool Cancelled);

/// <summary>
/// iCalendar text (RFC 5545) through Ical.Net (ADR 7): times in the school's zone, Europe/Amsterdam, with
/// its VTIMEZONE, so a calendar shows 19:00 on either side of a clock change; Ical.Net escapes the text and
/// folds lines at 75 octets without splitting a UTF-8 character. The UID stays with the booking; SEQUENCE
/// goes up with each change, so a calendar that already has the event updates or cancels it instead of
/// adding a second one.
/// </summary>
public static class IcsWriter
{
    public const string TimeZoneId = "Europe/Amsterdam";

    public static string Write(string method, DateTime stampUtc, IEnumerable<CalendarEvent> events, string? organizerEmail = null, string? calendarName = null)
    {
        var list = events.ToList();
        var calendar = new IcalCalendar { Method = method, ProductId = "-//Driehoek//Driehoek//NL" };
        if (calendarName is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", calendarName);
        }
        // The zone's rules from the earliest event on: enough for every time in the file, and short.
        var earliest = list.Count == 0 ? stampUtc : list.Min(e => e.StartUtc);
        calendar.AddTimeZone(TimeZoneId, SchoolCalendar.ToLocal(earliest).Date, includeHistoricalData: false);
        foreach (var e in list)
        {
            calendar.Events.Add(new IcalEvent
            {
                Uid = $"{e.Uid:N}@driehoek",
                Sequence = e.Sequence,
                DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), "UTC"),
                DtStart = Local(e.StartUtc),
                DtEnd = Local(e.EndUtc),
                Summary = e.Summary,
                Location = e.Location,
                Description = e.Description,
                Url = e.Url is null ? null : new Uri(e.Url),
                Organizer = organizerEmail is null ? null : new Organizer("mailto:" + organizerEmail),
                Status = e.Cancelled ? "CANCELLED" : "CONFIRMED",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Local(DateTime utc) =>
        new(SchoolCalendar.ToLocal(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), TimeZoneId);
}
