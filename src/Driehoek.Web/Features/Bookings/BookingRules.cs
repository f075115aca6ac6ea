namespace Driehoek.Web.Features.Bookings;

public static class BookingRules
{
    /// <summary>Enough for a page of concerns; a megabyte of text is refused with a message, not truncated.</summary>
    public const int MaxTopicsLength = 2000;
}
