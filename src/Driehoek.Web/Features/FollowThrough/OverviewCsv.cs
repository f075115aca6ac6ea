using System.Text;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.FollowThrough;

/// <summary>
/// The overview as a spreadsheet file: one row per student and household, separated by semicolons (what
/// Dutch spreadsheet programs open directly), with the teachers who need to see a family and whether it booked with them,
/// UTF-8 with a byte-order mark so names keep their accents.
/// </summary>
public static class OverviewCsv
{
    public static byte[] Write(RoundExport export, IStringLocalizer<FollowThroughText> f, IStringLocalizer<BookingsText> b)
    {
        var csv = new StringBuilder();
        Line(csv, f["Overview.Group"].Value, f["Overview.Student"].Value, f["Overview.Family"].Value, f["Overview.WithoutEmail"].Value,
            f["Overview.Conversation"].Value, f["Overview.Outcome"].Value, f["Overview.MustSeeColumn"].Value);
        foreach (var (group, student) in export.Rows)
        {
            foreach (var family in student.Families)
            {
                Line(csv, group, student.Name,
                    family.Guardians.Count == 0 ? f["Overview.NoGuardian"].Value : string.Join(", ", family.Guardians),
                    family.Guardians.Count > 0 && !family.HasEmail ? f["Overview.NoEmail"].Value : "",
                    string.Join(", ", family.Bookings.Select(x => $"{SchoolCalendar.ToLocal(x.StartsAt):yyyy-MM-dd HH:mm} {x.Teacher}")),
                    family.Bookings.Count == 0 ? f["Overview.NotReachedLabel"].Value : string.Join(", ", family.Bookings.Select(x => b["Status." + x.Status].Value)),
                    string.Join(", ", family.MustSee.Select(m => f[m.Booked ? "Overview.MustSeeBookedCell" : "Overview.MustSeeOpenCell", m.Teacher].Value)));
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(';', fields.Select(Field)).Append("\r\n");
    }

    /// <summary>Quotes what needs quoting, and defuses a value a spreadsheet would run as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
