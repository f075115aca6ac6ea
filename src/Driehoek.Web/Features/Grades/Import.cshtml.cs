using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Grades;

[RequestSizeLimit(GradeLimits.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = GradeLimits.MaxBytes + 64 * 1024)]
[AccessRule(Resource.GradeImport)]
public sealed class ImportModel(AppDbContext db, Access access, UploadGrades upload, GetGradeImport imports, IStringLocalizer<GradesText> text)
    : PageModel
{
    public Guid SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";
    public IReadOnlyList<GradeImportLine> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid schoolId, CancellationToken ct) =>
        await LoadAsync(schoolId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid schoolId, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(schoolId, ct))
        {
            return NotFound();
        }
        var (content, tooLarge) = await Roster.UploadedFile.ReadAsync(file, GradeLimits.MaxBytes, ct);
        var result = await upload.HandleAsync(new UploadGradesCommand(schoolId, file?.FileName ?? "", content, tooLarge), ct);
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            return Page();
        }
        return Redirect($"/school/{schoolId}/grades/{result.Value}");
    }

    private async Task<bool> LoadAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.GradeImport, Act.View, Target.School(schoolId), ct))
        {
            return false;
        }
        SchoolId = schoolId;
        SchoolName = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        Recent = await imports.RecentAsync(schoolId, ct);
        return true;
    }
}
