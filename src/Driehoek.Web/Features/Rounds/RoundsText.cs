namespace Driehoek.Web.Features.Rounds;

/// <summary>Strings of the staff pages that plan rounds (Dutch and English).</summary>
public sealed class RoundsText;
