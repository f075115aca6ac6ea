using System.Globalization;

namespace Driehoek.Web.Features.Roster.Csv;

/// <summary>
/// Turns an export into typed rows plus every problem with its line number. It never stops at the
/// first problem: a school fixes its file once, not once per error.
/// </summary>
public static class RosterParser
{
    /// <summary>A board's combined school is some 60,000 students; a setting (<c>Roster:MaxRows</c>) can lower it.</summary>
    public const int MaxRows = 100_000;

    public static int MaxRowsIn(IConfiguration configuration) => configuration.GetValue("Roster:MaxRows", MaxRows);

    public static ParsedRoster Parse(byte[] bytes, int maxRows = MaxRows)
    {
        var (text, encodingName) = CsvDecoding.Decode(bytes);
        return Parse(text, encodingName, maxRows);
    }

    /// <summary>
    /// Checks every line and counts them. Student rows are not kept: <see cref="ParsedRoster.Students"/> reads
    /// them from <paramref name="text"/> again, one at a time, so a board's file is never in memory twice.
    /// </summary>
    public static ParsedRoster Parse(string text, string encodingName, int maxRows = MaxRows)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            // A spreadsheet, a photo or a zip: not a text export.
            return Fail(RosterKind.Students, "Roster.NotText", encodingName, ';');
        }
        var delimiter = CsvDecoding.DetectDelimiter(text);
        var errors = new List<RosterIssue>();
        var warnings = new List<RosterIssue>();
        using var records = Records(text, delimiter, errors).GetEnumerator();
        if (!records.MoveNext() || records.Current.Record is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
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

        var staff = new List<StaffRow>();
        var studentNumbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int rows = 0, read = 0;
        while (records.MoveNext())
        {
            var (record, line) = records.Current;
            if (++rows > maxRows)
            {
                errors.Add(new RosterIssue(line, "Roster.TooManyRows", [maxRows.ToString(CultureInfo.InvariantCulture)]));
                break;
            }
            var row = new RowReader(record, columns, line, errors, warnings);
            if (row.IsBlank)
            {
                continue;
            }
            read++;
            if (kind == RosterKind.Students)
            {
                var student = StudentRowReader.Read(row);
                if (student.Number.Length > 0 && !studentNumbers.TryAdd(student.Number, line))
                {
                    errors.Add(new RosterIssue(line, "Roster.DuplicateStudent", [student.Number, studentNumbers[student.Number].ToString(CultureInfo.InvariantCulture)]));
                }
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

        var students = kind == RosterKind.Students ? StudentsAgain(text, delimiter, columns, maxRows) : [];
        return new ParsedRoster(kind.Value, students, staff, errors.OrderBy(e => e.Line).ToList(),
            warnings.OrderBy(w => w.Line).ToList(), encodingName, delimiter) { Rows = read };
    }

    /// <summary>The student rows of a file <see cref="Parse(string, string, int)"/> has checked; its problems are known already.</summary>
    private static IEnumerable<StudentRow> StudentsAgain(string text, char delimiter, Dictionary<string, int> columns, int maxRows)
    {
        var known = new List<RosterIssue>();
        foreach (var (record, line) in Records(text, delimiter, known).Skip(1).Take(maxRows))
        {
            var row = new RowReader(record, columns, line, known, known);
            if (!row.IsBlank)
            {
                yield return StudentRowReader.Read(row);
            }
            known.Clear();
        }
    }

    private static IEnumerable<(string[] Record, int Line)> Records(string text, char delimiter, List<RosterIssue> errors) =>
        CsvRecords.Read(text, delimiter, errors);

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
