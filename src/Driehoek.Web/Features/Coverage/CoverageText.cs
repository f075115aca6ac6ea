namespace Driehoek.Web.Features.Coverage;

/// <summary>Strings of the coverage pages (staff: Dutch and English).</summary>
public sealed class CoverageText;
