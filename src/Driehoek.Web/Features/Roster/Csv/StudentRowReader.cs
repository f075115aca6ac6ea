namespace Driehoek.Web.Features.Roster.Csv;

internal static class StudentRowReader
{
    /// <summary>How household keys start: parents at one address, or (without one) the parents on one line.</summary>
    public const string AddressHousehold = "addr:", LineHousehold = "row:";

    public static StudentRow Read(RowReader row)
    {
        var number = row.MaxLength(row.Required(RosterColumns.StudentNumber, "Leerlingnummer"), 40, "Leerlingnummer")!;
        var first = row.MaxLength(row.Required(RosterColumns.FirstName, "Roepnaam"), 100, "Roepnaam")!;
        var last = row.MaxLength(row.Required(RosterColumns.LastName, "Achternaam"), 100, "Achternaam")!;
        var group = row.MaxLength(row.Required(RosterColumns.Group, "Groep"), 40, "Groep")!;
        DateOnly? dob = null;
        if (row.Optional(RosterColumns.DateOfBirth) is { } dobText)
        {
            if (RosterValues.TryDate(dobText, out var parsed))
            {
                dob = parsed;
            }
            else
            {
                row.Error("Roster.BadDate", "Geboortedatum", dobText);
            }
        }

        var guardians = new List<GuardianRow>();
        foreach (var n in new[] { "1", "2" })
        {
            if (ReadGuardian(row, n, number) is { } guardian)
            {
                guardians.Add(guardian);
            }
        }
        // Without addresses, the guardians on one row are taken to live together.
        if (guardians.Count == 2 && guardians.All(g => g.HouseholdKey.StartsWith(LineHousehold, StringComparison.Ordinal)))
        {
            guardians[1] = guardians[1] with { HouseholdKey = guardians[0].HouseholdKey };
        }

        return new StudentRow(row.Line, number, first, row.MaxLength(row.Optional(RosterColumns.Prefix), 20, "Tussenvoegsel"), last, dob,
            group, row.Int(RosterColumns.Level, "Leerjaar"), row.Email(RosterColumns.Email, "E-mail"), guardians);
    }

    private static GuardianRow? ReadGuardian(RowReader row, string n, string studentNumber)
    {
        string F(string field) => $"guardian{n}.{field}";
        var column = $"Ouder {n}";
        var first = row.Get(F(RosterColumns.FirstName));
        var last = row.Get(F(RosterColumns.LastName));
        var email = row.Email(F(RosterColumns.Email), $"{column} e-mail");
        var phone = row.MaxLength(row.Optional(F(RosterColumns.Phone)), 40, $"{column} telefoon");
        if (first.Length == 0 && last.Length == 0 && email is null && phone is null)
        {
            return null;
        }
        if (last.Length == 0)
        {
            row.Error("Roster.Required", $"{column} achternaam");
        }
        if (first.Length == 0)
        {
            row.Error("Roster.Required", $"{column} roepnaam");
        }

        var relationText = row.Get(F(RosterColumns.Relationship));
        var relationship = RosterValues.Relationship(relationText);
        if (relationship is null)
        {
            row.Error("Roster.BadRelationship", $"{column} relatie", relationText);
        }
        var authorityText = row.Get(F(RosterColumns.Authority));
        if (!RosterValues.IsYesNo(authorityText))
        {
            row.Error("Roster.BadYesNo", $"{column} gezag", authorityText);
        }
        var languageText = row.Get(F(RosterColumns.Language));
        var language = RosterValues.Language(languageText);
        if (language is null)
        {
            row.Warn("Roster.UnknownLanguage", $"{column} taal", languageText);
        }

        var address = RosterValues.AddressKey(row.Get(F(RosterColumns.Postcode)), row.Get(F(RosterColumns.HouseNumber)));
        var id = row.Optional(F(RosterColumns.GuardianId));
        // The most stable key the file offers: the export's own id, the e-mail, or name and address.
        var key = id is not null ? $"id:{id}"
            : email is not null ? $"email:{email}"
            : address is not null ? $"name:{RosterColumns.Normalize(first + last)}@{address}"
            : $"name:{RosterColumns.Normalize(first + last)}@student:{studentNumber}";
        var household = address is not null ? $"{AddressHousehold}{address}" : $"{LineHousehold}{studentNumber}:{n}";

        return new GuardianRow(key, row.MaxLength(first, 100, column)!, row.MaxLength(row.Optional(F(RosterColumns.Prefix)), 20, column),
            row.MaxLength(last, 100, column)!, email, phone, relationship ?? People.GuardianRelationship.Other,
            RosterValues.YesNo(authorityText) ?? true, language ?? "nl", household);
    }
}
