namespace Driehoek.Web.Features.Handover;

/// <summary>Strings of the staff pages about the handover (Dutch and English).</summary>
public sealed class HandoverText;

/// <summary>Strings parents and students read about the handover (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class HandoverFamilyText;
