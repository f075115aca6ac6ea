using System.Text.Json;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Roster.Csv;

namespace Driehoek.Web.Features.Roster;

/// <summary><paramref name="TooLarge"/>: the upload was over <see cref="UploadRoster.MaxBytes"/> and was not read.</summary>
public sealed record UploadRosterCommand(Guid SchoolId, string FileName, byte[]? Content, bool TooLarge = false);

/// <summary>
/// Reads an uploaded export and works out what committing it would do, without changing anything.
/// The file is kept so the commit applies exactly what was previewed.
/// </summary>
public sealed class UploadRoster(AppDbContext db, Access access, IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Room for 100,000 lines of a full export with two parents (about 300 bytes a line).</summary>
    public const int MaxBytes = 40 * 1024 * 1024;

    public async Task<Result<Guid>> HandleAsync(UploadRosterCommand command, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.RosterImport, Act.Change, Target.School(command.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        if (command.Content is null && !command.TooLarge)
        {
            return Result<Guid>.Invalid(new FieldError("File", "Roster.NoFile"));
        }
        if (command.TooLarge || command.Content!.Length > MaxBytes)
        {
            return Result<Guid>.Invalid(new FieldError("File", "Roster.FileTooLarge", MaxBytes / 1024 / 1024));
        }

        var (text, encodingName) = CsvDecoding.Decode(command.Content!);
        var parsed = RosterParser.Parse(text, encodingName, RosterParser.MaxRowsIn(configuration));
        var preview = await PreviewAsync(command.SchoolId, parsed, ct);
        var import = new RosterImport
        {
            SchoolId = command.SchoolId,
            Kind = parsed.Kind,
            FileName = Path.GetFileName(command.FileName) is { Length: > 0 and <= 200 } name ? name : "roster.csv",
            // PostgreSQL text cannot hold NUL; a file with NUL is refused by the parser anyway.
            Content = text.Replace("\0", "", StringComparison.Ordinal),
            Status = RosterImportStatus.Previewed,
            Rows = preview.Rows,
            ErrorCount = preview.ErrorTotal,
            Preview = JsonSerializer.Serialize(preview),
            UploadedBy = access.UserId!.Value,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(import);
        await db.SaveChangesAsync(ct);
        return import.Id;
    }

    /// <summary>Runs the applier on a throw-away context and counts what it would change.</summary>
    private async Task<RosterPreview> PreviewAsync(Guid schoolId, ParsedRoster parsed, CancellationToken ct)
    {
        var errors = parsed.Errors.ToList();
        IReadOnlyList<ChangeCount> changes = [];
        IReadOnlyList<RosterConflict> conflicts = [];
        IReadOnlyList<string> newGroups = [], withoutTeacher = [];
        string? yearName = null;
        if (errors.Count == 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var scratch = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var school = await scratch.Schools.SingleAsync(s => s.Id == schoolId, ct);
            var year = await RosterApplier.CurrentOrNewYearAsync(scratch, school, SchoolCalendar.Today(clock), ct);
            yearName = year.Name;
            var applier = new RosterApplier(scratch, school, year, errors);
            await applier.ApplyAsync(parsed, ct);
            changes = applier.CountChanges();
            conflicts = applier.Conflicts;
            newGroups = applier.NewGroups;
            withoutTeacher = await applier.GroupsWithoutTeacherAsync(ct);
        }
        return new RosterPreview(parsed.Kind, parsed.Rows, parsed.EncodingName, parsed.Delimiter == '\t' ? "tab" : parsed.Delimiter.ToString(),
            changes, errors.Count, errors.OrderBy(e => e.Line).Take(RosterPreview.MaxListed).ToList(),
            parsed.Warnings.Count, parsed.Warnings.Take(RosterPreview.MaxListed).ToList()).WithConflicts(conflicts)
            with { NewGroups = newGroups, GroupsWithoutTeacher = withoutTeacher, Year = yearName };
    }
}
