namespace Driehoek.Web.Features.Bookings;

/// <summary>Strings parents and students see when they book (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class BookingsText;

/// <summary>Strings of the staff pages for availability and bookings (Dutch and English).</summary>
public sealed class AvailabilityText;
