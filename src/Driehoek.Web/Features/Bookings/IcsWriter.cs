using System.Globalization;
using System.Text;

namespace Driehoek.Web.Features.Bookings;

public sealed record CalendarEvent(
    Guid Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, string Summary, string? Location, string? Description,
    string? Url, bool Cancelled);

/// <summary>
/// iCalendar text (RFC 5545) without a library: CRLF line ends, lines folded at 75 octets, text escaped,
/// times in UTC. The UID stays with the booking; SEQUENCE goes up with each change, so a calendar that
/// already has the event updates it instead of adding a second one.
/// </summary>
public static class IcsWriter
{
    public static string Write(string method, DateTime stampUtc, IEnumerable<CalendarEvent> events, string? organizerEmail = null, string? calendarName = null)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Driehoek//Driehoek//NL");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:" + method);
        if (calendarName is not null)
        {
            Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        }
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, $"UID:{e.Uid:N}@driehoek");
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "DTSTAMP:" + Utc(stampUtc));
            Line(sb, "DTSTART:" + Utc(e.StartUtc));
            Line(sb, "DTEND:" + Utc(e.EndUtc));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (e.Location is not null)
            {
                Line(sb, "LOCATION:" + Escape(e.Location));
            }
            if (e.Description is not null)
            {
                Line(sb, "DESCRIPTION:" + Escape(e.Description));
            }
            if (e.Url is not null)
            {
                Line(sb, "URL:" + e.Url);
            }
            if (organizerEmail is not null)
            {
                Line(sb, "ORGANIZER:mailto:" + organizerEmail);
            }
            Line(sb, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1).</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var first = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > (first ? 75 : 74))
            {
                sb.Append("\r\n ");
                octets = 0;
                first = false;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
