namespace Driehoek.Web.Features.Calendar;

/// <summary>Strings of the calendar-subscription page and feed (parents read them: all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class CalendarText;
