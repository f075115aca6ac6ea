namespace Driehoek.Web.Features.MustSee;

/// <summary>Strings of the must-see page and the overview's marks (staff: Dutch and English).</summary>
public sealed class MustSeeText;

/// <summary>The personal invitation a must-see family receives (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class MustSeeFamilyText;
