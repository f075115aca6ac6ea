namespace Driehoek.Web.Features.Organisation;

/// <summary>Strings of the staff pages about schools, groups and students (Dutch and English).</summary>
public sealed class OrganisationText;
