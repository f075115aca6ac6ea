namespace Driehoek.Web.Features.Bookings;

public static class BookingRules
{
    /// <summary>Enough for a page of concerns; a megabyte of text is refused with a message, not truncated.</summary>
    public const int MaxTopicsLength = 2000;

    /// <summary>
    /// A booking made or moved within a day and a half of the conversation needs no separate
    /// day-before reminder: the confirmation arrives at about the same moment.
    /// </summary>
    public static DateTime? ReminderAlreadyCovered(DateTime startsAt, DateTime now) =>
        startsAt - now < TimeSpan.FromHours(36) ? now : null;
}
