namespace Driehoek.Web.Features.Contacts;

/// <summary>Strings families and students read (concerns, news, areas and situations): all six languages.</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class ContactsText;

/// <summary>Strings of the staff pages of the contact log: Dutch and English.</summary>
public sealed class ContactsStaffText;
