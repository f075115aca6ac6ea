using System.Globalization;
using System.Net.Mail;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Roster.Csv;

/// <summary>Reads the values Dutch exports write: dates as dd-mm-jjjj, "ja"/"nee", relationship and role words.</summary>
public static class RosterValues
{
    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-MM-dd", "d-M-yy"];

    public static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool? YesNo(string value) => RosterColumns.Normalize(value) switch
    {
        "" => null,
        "ja" or "j" or "yes" or "y" or "1" or "true" or "waar" => true,
        "nee" or "n" or "no" or "0" or "false" or "onwaar" => false,
        _ => null,
    };

    public static bool IsYesNo(string value) => value.Length == 0 || YesNo(value) is not null;

    public static GuardianRelationship? Relationship(string value) => RosterColumns.Normalize(value) switch
    {
        "" or "ouder" or "moeder" or "vader" or "mother" or "father" or "parent" => GuardianRelationship.Parent,
        "voogd" or "guardian" => GuardianRelationship.Guardian,
        "pleegouder" or "pleegmoeder" or "pleegvader" => GuardianRelationship.FosterParent,
        "stiefouder" or "stiefmoeder" or "stiefvader" => GuardianRelationship.StepParent,
        "anders" or "overig" or "other" or "grootouder" or "oma" or "opa" => GuardianRelationship.Other,
        _ => null,
    };

    public static StaffRole? Role(string value) => RosterColumns.Normalize(value) switch
    {
        "groepsleraar" or "groepsleerkracht" or "leerkracht" or "groepsleerkrachten" => StaffRole.GroupTeacher,
        "mentor" => StaffRole.Mentor,
        "vakdocent" or "docent" or "vakleerkracht" => StaffRole.SubjectTeacher,
        "ib" or "iber" or "internbegeleider" or "zorgcoordinator" or "zorgcoordinatoren" => StaffRole.CareCoordinator,
        "coordinator" or "jaarlaagcoordinator" or "leerjaarcoordinator" => StaffRole.YearCoordinator,
        "afdelingsleider" or "afdelingsleiding" or "teamleider" => StaffRole.DepartmentHead,
        "directeur" or "schoolleider" or "locatieleider" or "directie" => StaffRole.SchoolLeader,
        "administratie" or "beheerder" or "applicatiebeheerder" => StaffRole.Administrator,
        _ => null,
    };

    /// <summary>A language code or its Dutch name; null when unknown (the import then warns and uses Dutch).</summary>
    public static string? Language(string value) => RosterColumns.Normalize(value) switch
    {
        "" or "nl" or "nederlands" or "dutch" => "nl",
        "en" or "engels" or "english" => "en",
        "ar" or "arabisch" or "arabic" => "ar",
        "tr" or "turks" or "turkish" => "tr",
        "pl" or "pools" or "polish" => "pl",
        "uk" or "oekraiens" or "ukrainian" => "uk",
        _ => null,
    };

    public static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        return MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>"1234 ab" and "1234AB" are the same postcode; "12 a" and "12A" the same house.</summary>
    public static string? AddressKey(string postcode, string houseNumber)
    {
        var p = RosterColumns.Normalize(postcode).ToUpperInvariant();
        var h = RosterColumns.Normalize(houseNumber).ToUpperInvariant();
        return p.Length == 0 || h.Length == 0 ? null : $"{p}-{h}";
    }
}
