namespace Driehoek.Web.Features.Bookings;

/// <summary>Strings of the staff pages for availability and bookings (Dutch and English).</summary>
public sealed class AvailabilityText;
