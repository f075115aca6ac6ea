namespace Driehoek.Web.Features.Rollover;

/// <summary>Strings of the rollover pages (staff: Dutch and English).</summary>
public sealed class RolloverText;
