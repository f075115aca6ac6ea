namespace Driehoek.Web.Features.TakingPart;

/// <summary>Strings of the school's decision page and the staff lines (staff: Dutch and English).</summary>
public sealed class TakingPartText;

/// <summary>The question to parents and the lines families and students read (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class TakingPartFamilyText;
