namespace Driehoek.Web.Features.Rounds;

/// <summary>Strings parents and students see about rounds, invitations and preparation (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class RoundFamilyText;
