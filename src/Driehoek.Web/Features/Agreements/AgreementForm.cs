namespace Driehoek.Web.Features.Agreements;

/// <summary>The fields of the agreement form with the owners on offer.</summary>
public sealed record AgreementForm(AgreementFields Values, IReadOnlyList<OwnerChoice> Owners);
