using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Roster.Csv;

internal static class StaffRowReader
{
    public static StaffRow Read(RowReader row)
    {
        var code = row.MaxLength(row.Required(RosterColumns.StaffCode, "Medewerkernummer"), 40, "Medewerkernummer")!;
        var first = row.MaxLength(row.Required(RosterColumns.FirstName, "Voornaam"), 100, "Voornaam")!;
        var last = row.MaxLength(row.Required(RosterColumns.LastName, "Achternaam"), 100, "Achternaam")!;
        var roleText = row.Required(RosterColumns.Role, "Rol");
        var role = RosterValues.Role(roleText);
        if (role is null && roleText.Length > 0)
        {
            row.Error("Roster.BadRole", roleText);
        }
        var group = row.MaxLength(row.Optional(RosterColumns.Group), 40, "Groep");
        var subject = row.MaxLength(row.Optional(RosterColumns.Subject), 60, "Vak");
        if (role is StaffRole.GroupTeacher or StaffRole.Mentor or StaffRole.SubjectTeacher && group is null)
        {
            row.Error("Roster.GroupRequired", roleText);
        }
        if (role is StaffRole.SubjectTeacher && subject is null)
        {
            row.Error("Roster.Required", "Vak");
        }
        return new StaffRow(row.Line, code, first, row.MaxLength(row.Optional(RosterColumns.Prefix), 20, "Tussenvoegsel"), last,
            row.Email(RosterColumns.Email, "E-mail"), role ?? StaffRole.SubjectTeacher,
            role is StaffRole.GroupTeacher or StaffRole.Mentor or StaffRole.SubjectTeacher ? group : null,
            role is StaffRole.SubjectTeacher ? subject : null, row.Int(RosterColumns.Level, "Leerjaar"));
    }
}
