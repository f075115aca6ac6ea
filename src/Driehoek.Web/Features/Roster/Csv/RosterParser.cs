using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Driehoek.Web.Features.Roster.Csv;

/// <summary>
/// Turns an export into typed rows plus every problem with its line number. It never stops at the
/// first problem: a school fixes its file once, not once per error.
/// </summary>
public static class RosterParser
{
    public const int MaxRows = 20_000;

    public static ParsedRoster Parse(byte[] bytes)
    {
        var (text, encodingName) = CsvDecoding.Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            // A spreadsheet, a photo or a zip: not a text export.
            return Fail(RosterKind.Students, "Roster.NotText", encodingName, ';');
        }
        var delimiter = CsvDecoding.DetectDelimiter(text);
        var errors = new List<RosterIssue>();
        var warnings = new List<RosterIssue>();
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
        if (!csv.Read() || csv.Parser.Record is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            return Fail(RosterKind.Students, "Roster.Empty", encodingName, delimiter);
        }

        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (RosterColumns.Resolve(header[i]) is not { } field)
            {
                continue;
            }
            if (!columns.TryAdd(field, i))
            {
                errors.Add(new RosterIssue(1, "Roster.DuplicateColumn", [header[i]]));
            }
        }

        var kind = columns.ContainsKey(RosterColumns.StudentNumber) ? RosterKind.Students
            : columns.ContainsKey(RosterColumns.StaffCode) ? RosterKind.Staff
            : (RosterKind?)null;
        if (kind is null)
        {
            return Fail(RosterKind.Students, "Roster.UnknownKind", encodingName, delimiter);
        }

        var required = kind == RosterKind.Students
            ? new[] { (RosterColumns.StudentNumber, "Leerlingnummer"), (RosterColumns.FirstName, "Roepnaam"), (RosterColumns.LastName, "Achternaam"), (RosterColumns.Group, "Groep") }
            : new[] { (RosterColumns.StaffCode, "Medewerkernummer"), (RosterColumns.FirstName, "Voornaam"), (RosterColumns.LastName, "Achternaam"), (RosterColumns.Role, "Rol") };
        foreach (var (field, name) in required.Where(r => !columns.ContainsKey(r.Item1)))
        {
            errors.Add(new RosterIssue(1, "Roster.MissingColumn", [name]));
        }
        if (errors.Count > 0)
        {
            return new ParsedRoster(kind.Value, [], [], errors, warnings, encodingName, delimiter);
        }

        var students = new List<StudentRow>();
        var staff = new List<StaffRow>();
        var rows = 0;
        while (csv.Read())
        {
            if (++rows > MaxRows)
            {
                errors.Add(new RosterIssue(csv.Parser.Row, "Roster.TooManyRows", [MaxRows.ToString(CultureInfo.InvariantCulture)]));
                break;
            }
            var row = new RowReader(csv.Parser.Record ?? [], columns, csv.Parser.Row, errors, warnings);
            if (row.IsBlank)
            {
                continue;
            }
            if (kind == RosterKind.Students)
            {
                students.Add(StudentRowReader.Read(row));
            }
            else
            {
                staff.Add(StaffRowReader.Read(row));
            }
        }
        if (rows == 0)
        {
            errors.Add(new RosterIssue(2, "Roster.NoRows", []));
        }

        CheckDuplicates(students.Select(s => (s.Line, s.Number)), "Roster.DuplicateStudent", errors);
        return new ParsedRoster(kind.Value, students, staff, errors.OrderBy(e => e.Line).ToList(),
            warnings.OrderBy(w => w.Line).ToList(), encodingName, delimiter);
    }

    private static void CheckDuplicates(IEnumerable<(int Line, string Key)> rows, string key, List<RosterIssue> errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, value) in rows.Where(r => r.Key.Length > 0))
        {
            if (!seen.TryAdd(value, line))
            {
                errors.Add(new RosterIssue(line, key, [value, seen[value].ToString(CultureInfo.InvariantCulture)]));
            }
        }
    }

    private static ParsedRoster Fail(RosterKind kind, string key, string encodingName, char delimiter) =>
        new(kind, [], [], [new RosterIssue(1, key, [])], [], encodingName, delimiter);
}

/// <summary>One record, read by field name, collecting problems as it goes.</summary>
internal sealed class RowReader(string[] record, IReadOnlyDictionary<string, int> columns, int line,
    List<RosterIssue> errors, List<RosterIssue> warnings)
{
    public int Line => line;
    public bool IsBlank => record.All(string.IsNullOrWhiteSpace);

    public bool Has(string field) => columns.ContainsKey(field);

    public string Get(string field) =>
        columns.TryGetValue(field, out var i) && i < record.Length ? record[i].Trim() : "";

    public string? Optional(string field) => Get(field) is { Length: > 0 } v ? v : null;

    public string Required(string field, string columnName)
    {
        var value = Get(field);
        if (value.Length == 0)
        {
            Error("Roster.Required", columnName);
        }
        return value;
    }

    public string? MaxLength(string? value, int max, string columnName)
    {
        if (value is not null && value.Length > max)
        {
            Error("Roster.TooLong", columnName, max.ToString(CultureInfo.InvariantCulture));
            return value[..max];
        }
        return value;
    }

    public int? Int(string field, string columnName)
    {
        var value = Get(field);
        if (value.Length == 0)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 20)
        {
            return n;
        }
        Error("Roster.NotANumber", columnName, value);
        return null;
    }

    public string? Email(string field, string columnName)
    {
        var value = Get(field);
        if (value.Length == 0)
        {
            return null;
        }
        if (!RosterValues.IsEmail(value))
        {
            Error("Roster.BadEmail", columnName, value);
            return null;
        }
        return value.ToLowerInvariant();
    }

    public void Error(string key, params string[] args) => errors.Add(new RosterIssue(line, key, args));

    public void Warn(string key, params string[] args) => warnings.Add(new RosterIssue(line, key, args));
}
