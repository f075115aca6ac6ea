using System.Globalization;
using Driehoek.Web.Features.Roster.Csv;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Web.Features.Grades;

/// <param name="Hundredths">The grade in hundredths (5,5 is 550).</param>
public sealed record GradeRow(int Line, string StudentNumber, string Subject, string Period, int Hundredths);

public sealed record ParsedGrades(IReadOnlyList<GradeRow> Rows, IReadOnlyList<RosterIssue> Errors, IReadOnlyList<RosterIssue> Warnings,
    string EncodingName, char Delimiter);

/// <summary>
/// Reads a report-grades export as Dutch student administrations write it (Magister's "Stamnr; Vak; Periode; Cijfer",
/// SOMtoday's "Leerlingnummer; Vak; Rapportperiode; Resultaat", …), with the roster import's decoding and CSV reading.
/// Every problem is named with its line; a grade given as a word (V, G, O) is skipped with a warning.
/// </summary>
public static class GradeParser
{
    public const string Student = "student", Subject = "subject", Period = "period", Grade = "grade";

    private static readonly Dictionary<string, string> Headers = new()
    {
        ["leerlingnummer"] = Student, ["leerlingnr"] = Student, ["llnr"] = Student, ["studentnummer"] = Student,
        ["stamnummer"] = Student, ["stamnr"] = Student, ["leerlingid"] = Student,
        ["vak"] = Subject, ["vakcode"] = Subject, ["vakafkorting"] = Subject, ["vaknaam"] = Subject,
        ["periode"] = Period, ["rapportperiode"] = Period, ["rapport"] = Period, ["toetsperiode"] = Period, ["periodenaam"] = Period,
        ["cijfer"] = Grade, ["rapportcijfer"] = Grade, ["resultaat"] = Grade, ["eindcijfer"] = Grade, ["periodecijfer"] = Grade,
    };

    private static readonly (string Field, string Column)[] Required =
        [(Student, "Leerlingnummer"), (Subject, "Vak"), (Period, "Periode"), (Grade, "Cijfer")];

    public static ParsedGrades Parse(string text, string encodingName, int maxRows = GradeLimits.MaxRows)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Fail("Grades.NotText", encodingName);
        }
        var delimiter = CsvDecoding.DetectDelimiter(text);
        var errors = new List<RosterIssue>();
        var warnings = new List<RosterIssue>();
        using var records = CsvRecords.Read(text, delimiter, errors).GetEnumerator();
        if (!records.MoveNext() || records.Current.Record is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            return Fail("Grades.Empty", encodingName);
        }
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (Headers.TryGetValue(RosterColumns.Normalize(header[i]), out var field) && !columns.TryAdd(field, i))
            {
                errors.Add(new RosterIssue(1, "Grades.DuplicateColumn", [header[i]]));
            }
        }
        foreach (var (_, column) in Required.Where(r => !columns.ContainsKey(r.Field)))
        {
            errors.Add(new RosterIssue(1, "Grades.MissingColumn", [column]));
        }
        if (errors.Count > 0)
        {
            return new ParsedGrades([], errors, warnings, encodingName, delimiter);
        }

        var rows = new List<GradeRow>();
        var seen = 0;
        while (records.MoveNext())
        {
            var (record, line) = records.Current;
            if (++seen > maxRows)
            {
                errors.Add(new RosterIssue(line, "Grades.TooManyRows", [maxRows.ToString(CultureInfo.InvariantCulture)]));
                break;
            }
            var row = new RowReader(record, columns, line, errors, warnings);
            if (row.IsBlank)
            {
                continue;
            }
            var number = row.Required(Student, "Leerlingnummer");
            var subject = row.MaxLength(row.Required(Subject, "Vak"), GradeLimits.MaxSubject, "Vak")!;
            var period = row.MaxLength(row.Required(Period, "Periode"), GradeLimits.MaxPeriod, "Periode")!;
            if (ReadGrade(row) is { } hundredths && number.Length > 0 && subject.Length > 0 && period.Length > 0)
            {
                rows.Add(new GradeRow(line, number, Staffing.SubjectKey(subject), period, hundredths));
            }
        }
        if (seen == 0)
        {
            errors.Add(new RosterIssue(2, "Grades.NoRows", []));
        }
        return new ParsedGrades(rows, errors.OrderBy(e => e.Line).ToList(), warnings, encodingName, delimiter);
    }

    /// <summary>"5,4", "5.4", "7" or "6,75" from 1 to 10; a word (V, G, O, ZG) or nothing is skipped with a warning.</summary>
    private static int? ReadGrade(RowReader row)
    {
        var value = row.Get(Grade);
        if (value.Length == 0)
        {
            row.Warn("Grades.NoGrade");
            return null;
        }
        if (value.Length <= 3 && value.All(char.IsAsciiLetter))
        {
            row.Warn("Grades.WordGrade", value);
            return null;
        }
        if (GradeValue.TryHundredths(value, out var hundredths))
        {
            return hundredths;
        }
        row.Error("Grades.BadGrade", value);
        return null;
    }

    private static ParsedGrades Fail(string key, string encodingName) => new([], [new RosterIssue(1, key, [])], [], encodingName, ';');
}

/// <summary>The order of report periods: by the first number in the name ("P2", "Periode 3", "Rapport 1"), else by name.</summary>
public static class PeriodOrder
{
    public static (int Number, string Name) Of(string period)
    {
        var digits = new string(period.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).Take(6).ToArray());
        return (digits.Length > 0 ? int.Parse(digits, CultureInfo.InvariantCulture) : int.MaxValue, period);
    }

    public static int Compare(string a, string b)
    {
        var (na, sa) = Of(a);
        var (nb, sb) = Of(b);
        return na != nb ? na.CompareTo(nb) : string.CompareOrdinal(sa, sb);
    }
}
