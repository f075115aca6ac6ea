using Driehoek.Web.Infrastructure.Outbox;

namespace Driehoek.Web.Features.Bookings;

/// <summary>The iCalendar side of a booking: the file attached to every e-mail about it.</summary>
public static class BookingCalendar
{
    public static IReadOnlyList<EmailAttachment> AttachmentFor(Booking booking, BookingNotices.Kind kind, BookingNotices.Facts facts, string link, DateTime nowUtc)
    {
        var cancelled = kind is BookingNotices.Kind.Cancelled or BookingNotices.Kind.CancelledBySchool;
        var method = cancelled ? "CANCEL" : "REQUEST";
        var ics = IcsWriter.Write(method, nowUtc, [Event(booking, facts.Student, facts.Teacher, facts.Place, facts.SchoolName, link, cancelled)]);
        return [new EmailAttachment("gesprek.ics", $"text/calendar; method={method}", ics)];
    }

    public static CalendarEvent Event(Booking booking, string student, string teacher, string? place, string school, string link, bool cancelled) =>
        new(booking.CalendarUid, booking.Sequence, booking.StartsAt, booking.EndsAt,
            $"{student} – {teacher}", place, school, link, cancelled);
}
