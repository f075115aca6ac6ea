namespace Driehoek.Web.Features.Bookings;

/// <summary>Strings parents and students see when they book (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class BookingsText;
