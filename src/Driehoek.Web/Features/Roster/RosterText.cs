namespace Driehoek.Web.Features.Roster;

/// <summary>Strings of the roster import pages and its error messages (Dutch and English).</summary>
public sealed class RosterText;
