using System.Text;
using Driehoek.Web.Features.Bookings;
using Ical.Net;
using IcalCalendar = Ical.Net.Calendar;

namespace Driehoek.Tests.Calendar;

/// <summary>The calendar files of booking e-mails and the feed, read back the way a calendar app reads them (Ical.Net).</summary>
public sealed class CalendarFileTests
{
    private static readonly DateTime Stamp = new(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Booking Booking(DateTime startUtc, int sequence = 0, Guid? uid = null) => new()
    {
        SchoolId = Guid.NewGuid(), RoundId = Guid.NewGuid(), StudentId = Guid.NewGuid(), HouseholdId = Guid.NewGuid(),
        StaffMemberId = Guid.NewGuid(), StartsAt = startUtc, EndsAt = startUtc.AddMinutes(10), Sequence = sequence,
        CalendarUid = uid ?? Guid.NewGuid(),
    };

    private static BookingNotices.Facts Facts(string teacher = "Jan de Vries", string? place = "Lokaal 12") =>
        new("Sem", teacher, place, "De Driehoek", []);

    private static (string Text, IcalCalendar Calendar) Attachment(Booking booking, BookingNotices.Kind kind, BookingNotices.Facts? facts = null)
    {
        var file = Assert.Single(BookingCalendar.AttachmentFor(booking, kind, facts ?? Facts(), "https://driehoek.test/bookings/1", Stamp));
        Assert.StartsWith("text/calendar", file.ContentType, StringComparison.Ordinal);
        var text = file.Content;
        return (text, IcalCalendar.Load(text)!);
    }

    [Fact]
    public void Start_and_end_are_Amsterdam_time_on_both_sides_of_the_clock_change()
    {
        // Summer time ends on Sunday 25 October 2026: 19:00 is 17:00 UTC before it and 18:00 UTC after.
        var before = Booking(new DateTime(2026, 10, 24, 17, 0, 0, DateTimeKind.Utc));
        var after = Booking(new DateTime(2026, 10, 27, 18, 0, 0, DateTimeKind.Utc));
        var text = IcsWriter.Write("PUBLISH", Stamp, [
            BookingCalendar.Event(before, "Sem", "Jan", "Lokaal 1", "School", "https://driehoek.test/a", false),
            BookingCalendar.Event(after, "Sem", "Jan", "Lokaal 1", "School", "https://driehoek.test/b", false),
        ]);

        var calendar = IcalCalendar.Load(text)!;

        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Amsterdam");
        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("TZOFFSETTO:+0200", text);
        Assert.Contains("TZOFFSETTO:+0100", text);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261024T190000", text);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261027T190000", text);
        foreach (var (booking, e) in new[] { before, after }.Zip(calendar.Events.OrderBy(e => e.DtStart!.AsUtc)))
        {
            Assert.Equal("Europe/Amsterdam", e.DtStart!.TzId);
            Assert.Equal(new DateTime(2026, 10, booking.StartsAt.Day, 19, 0, 0), e.DtStart.Value);
            Assert.Equal(new DateTime(2026, 10, booking.StartsAt.Day, 19, 10, 0), e.DtEnd!.Value);
            Assert.Equal(booking.StartsAt, e.DtStart.AsUtc);
            Assert.Equal(booking.EndsAt, e.DtEnd.AsUtc);
        }
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_new_lines_are_escaped_and_read_back_unchanged()
    {
        const string teacher = "Vries, Jan de; mentor";
        const string room = "Lokaal 1,2; boven\\achter";
        var (text, calendar) = Attachment(Booking(new DateTime(2026, 11, 17, 18, 0, 0, DateTimeKind.Utc)), BookingNotices.Kind.Confirmed,
            Facts(teacher, room) with { SchoolName = "De Driehoek\nLocatie Noord" });

        Assert.Contains(@"SUMMARY:Sem – Vries\, Jan de\; mentor", text);
        Assert.Contains(@"LOCATION:Lokaal 1\,2\; boven\\achter", text);
        Assert.Contains(@"DESCRIPTION:De Driehoek\nLocatie Noord", text);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("Sem – " + teacher, e.Summary);
        Assert.Equal(room, e.Location);
        Assert.Equal("De Driehoek\nLocatie Noord", e.Description);
    }

    [Fact]
    public void An_update_and_a_cancellation_keep_the_uid_and_raise_the_sequence()
    {
        var uid = Guid.NewGuid();
        var start = new DateTime(2026, 11, 17, 18, 0, 0, DateTimeKind.Utc);

        var (bookedText, booked) = Attachment(Booking(start, 0, uid), BookingNotices.Kind.Confirmed);
        var (movedText, moved) = Attachment(Booking(start.AddMinutes(30), 1, uid), BookingNotices.Kind.Moved);
        var (cancelText, cancelled) = Attachment(Booking(start.AddMinutes(30), 2, uid), BookingNotices.Kind.Cancelled);

        Assert.Equal("REQUEST", booked.Method);
        Assert.Equal("REQUEST", moved.Method);
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Contains("METHOD:REQUEST", bookedText);
        Assert.Contains("METHOD:REQUEST", movedText);
        Assert.Contains("METHOD:CANCEL", cancelText);
        var events = new[] { booked, moved, cancelled }.Select(c => Assert.Single(c.Events)).ToList();
        Assert.All(events, e => Assert.Equal($"{uid:N}@driehoek", e.Uid));
        Assert.Equal([0, 1, 2], events.Select(e => e.Sequence));
        Assert.Equal(["CONFIRMED", "CONFIRMED", "CANCELLED"], events.Select(e => e.Status));
        Assert.Equal(new DateTime(2026, 11, 17, 19, 30, 0), events[1].DtStart!.Value);
    }

    [Fact]
    public void A_long_Arabic_description_is_folded_at_75_octets_without_splitting_a_character()
    {
        var arabic = string.Concat(Enumerable.Repeat("مرحبا بكم في مدرستنا، نراكم في المساء؛ ", 12));
        var text = IcsWriter.Write("REQUEST", Stamp, [new CalendarEvent(Guid.NewGuid(), 0,
            new DateTime(2026, 11, 17, 18, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 17, 18, 10, 0, DateTimeKind.Utc),
            "ولي الأمر", "غرفة ١٢", arabic, null, false)]);

        var bytes = Encoding.UTF8.GetBytes(text);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var lines = Split(bytes, "\r\n"u8.ToArray());
        Assert.All(lines, line => Assert.True(line.Length <= 75, $"{line.Length} octets: {strict.GetString(line)}"));
        // Every physical line is valid UTF-8 on its own: no character was cut in two by the fold.
        Assert.All(lines, line => strict.GetString(line));
        Assert.True(lines.Count(l => l.Length > 0 && l[0] == (byte)' ') >= 10);
        Assert.Equal(arabic, Assert.Single(IcalCalendar.Load(text)!.Events).Description);
    }

    private static List<byte[]> Split(byte[] bytes, byte[] separator)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + separator.Length <= bytes.Length; i++)
        {
            if (bytes.AsSpan(i, separator.Length).SequenceEqual(separator))
            {
                parts.Add(bytes[start..i]);
                start = i + separator.Length;
                i += separator.Length - 1;
            }
        }
        parts.Add(bytes[start..]);
        return parts;
    }
}
