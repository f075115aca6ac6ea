using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Driehoek.Web.Features.Roster.Csv;

/// <summary>
/// The records of a decoded export, the header first, each with its line; a broken quote is reported as
/// "Roster.BadQuotes" on its line. Shared by every import of a student-administration export.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<(string[] Record, int Line)> Read(string text, char delimiter, List<RosterIssue> errors)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            BadDataFound = args => errors.Add(new RosterIssue(args.Context.Parser?.Row ?? 0, "Roster.BadQuotes", [])),
        };
        using var csv = new CsvReader(new StringReader(text), config);
        while (csv.Read())
        {
            yield return (csv.Parser.Record ?? [], csv.Parser.Row);
        }
    }
}
