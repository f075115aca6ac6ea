using System.Text.Json;
using Driehoek.Web.Features.Roster;
using Driehoek.Web.Features.Roster.Csv;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Web.Features.Grades;

/// <summary><paramref name="TooLarge"/>: the upload was over <see cref="GradeLimits.MaxBytes"/> and was not read.</summary>
public sealed record UploadGradesCommand(Guid SchoolId, string FileName, byte[]? Content, bool TooLarge = false);

/// <summary>
/// Reads an uploaded grades export and works out what committing it would do, without changing anything. The file
/// is kept so the commit applies exactly what was previewed.
/// </summary>
public sealed class UploadGrades(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(UploadGradesCommand command, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.GradeImport, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (command.Content is null && !command.TooLarge)
        {
            return Result<Guid>.Invalid(new FieldError("File", "Grades.NoFile"));
        }
        if (command.TooLarge || command.Content!.Length > GradeLimits.MaxBytes)
        {
            return Result<Guid>.Invalid(new FieldError("File", "Grades.FileTooLarge", GradeLimits.MaxBytes / 1024 / 1024));
        }
        var (text, encodingName) = CsvDecoding.Decode(command.Content!);
        var parsed = GradeParser.Parse(text, encodingName);
        var plan = await GradePlan.BuildAsync(db, command.SchoolId, parsed, ct);
        var rules = await ContactRulesStore.ForAsync(db, command.SchoolId, ct);
        var preview = GradePreview.Of(parsed, plan, rules.LowGradeBelow);
        var import = new GradeImport
        {
            SchoolId = command.SchoolId,
            FileName = Path.GetFileName(command.FileName) is { Length: > 0 and <= 200 } name ? name : "cijfers.csv",
            // PostgreSQL text cannot hold NUL; a file with NUL is refused by the parser anyway.
            Content = text.Replace("\0", "", StringComparison.Ordinal),
            Status = RosterImportStatus.Previewed,
            Rows = parsed.Rows.Count,
            ErrorCount = preview.ErrorTotal,
            Preview = JsonSerializer.Serialize(preview),
            UploadedBy = access.UserId!.Value,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(import);
        await db.SaveChangesAsync(ct);
        return import.Id;
    }
}
