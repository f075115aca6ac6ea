using System.Globalization;
using System.Text;

namespace Driehoek.Web.Features.Roster.Csv;

/// <summary>
/// Maps the headers student-administration systems use to our fields. Headers are compared
/// without case, spaces, punctuation or accents; "Verzorger 1" means the same as "Ouder 1".
/// The documented list is docs/roster-import.md.
/// </summary>
public static class RosterColumns
{
    public const string StudentNumber = "student.number";
    public const string FirstName = "first";
    public const string Prefix = "prefix";
    public const string LastName = "last";
    public const string DateOfBirth = "student.dob";
    public const string Group = "group";
    public const string Level = "level";
    public const string Email = "email";
    public const string StaffCode = "staff.code";
    public const string Role = "staff.role";
    public const string Subject = "staff.subject";
    public const string Phone = "phone";
    public const string Relationship = "relationship";
    public const string Authority = "authority";
    public const string Language = "language";
    public const string Postcode = "postcode";
    public const string HouseNumber = "housenumber";
    public const string GuardianId = "id";

    private static readonly Dictionary<string, string> Person = new()
    {
        ["leerlingnummer"] = StudentNumber, ["leerlingnr"] = StudentNumber, ["llnr"] = StudentNumber, ["studentnummer"] = StudentNumber,
        ["roepnaam"] = FirstName, ["voornaam"] = FirstName, ["voorletters"] = FirstName,
        ["tussenvoegsel"] = Prefix, ["tussenvoegsels"] = Prefix, ["voorvoegsel"] = Prefix,
        ["achternaam"] = LastName, ["familienaam"] = LastName, ["naam"] = LastName,
        ["geboortedatum"] = DateOfBirth,
        ["groep"] = Group, ["klas"] = Group, ["stamgroep"] = Group, ["basisgroep"] = Group,
        ["leerjaar"] = Level, ["jaarlaag"] = Level,
        ["email"] = Email, ["emailadres"] = Email, ["emailleerling"] = Email,
        ["medewerkernummer"] = StaffCode, ["afkorting"] = StaffCode, ["medewerkercode"] = StaffCode, ["docentcode"] = StaffCode,
        ["rol"] = Role, ["functie"] = Role,
        ["vak"] = Subject,
    };

    private static readonly Dictionary<string, string> GuardianFields = new()
    {
        ["roepnaam"] = FirstName, ["voornaam"] = FirstName, ["voorletters"] = FirstName,
        ["tussenvoegsel"] = Prefix, ["achternaam"] = LastName, ["naam"] = LastName,
        ["email"] = Email, ["emailadres"] = Email,
        ["telefoon"] = Phone, ["mobiel"] = Phone, ["telefoonnummer"] = Phone,
        ["relatie"] = Relationship, ["gezag"] = Authority, ["ouderlijkgezag"] = Authority,
        ["taal"] = Language, ["thuistaal"] = Language,
        ["postcode"] = Postcode, ["huisnummer"] = HouseNumber, ["id"] = GuardianId, ["nummer"] = GuardianId,
    };

    /// <summary>"guardian1.email", "first", … or null for a column we do not use.</summary>
    public static string? Resolve(string header)
    {
        var key = Normalize(header).Replace("verzorger", "ouder", StringComparison.Ordinal);
        foreach (var n in new[] { "1", "2" })
        {
            var field = key.StartsWith("ouder" + n, StringComparison.Ordinal) ? key[6..]
                : key.EndsWith("ouder" + n, StringComparison.Ordinal) ? key[..^6]
                : null;
            if (field is not null)
            {
                return GuardianFields.TryGetValue(field, out var f) ? $"guardian{n}.{f}" : null;
            }
        }
        return Person.GetValueOrDefault(key);
    }

    public static string Normalize(string header)
    {
        var decomposed = header.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
