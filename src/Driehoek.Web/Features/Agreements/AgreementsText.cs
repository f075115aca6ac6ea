namespace Driehoek.Web.Features.Agreements;

/// <summary>Strings of the staff pages about agreements (Dutch and English).</summary>
public sealed class AgreementsText;

/// <summary>Strings parents and students read about agreements, and the e-mails (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class FamilyAgreementsText;
