using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Roster;

[RequestSizeLimit(UploadRoster.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadRoster.MaxBytes + 64 * 1024)]
[AccessRule(Resource.RosterImport)]
public sealed class ImportModel(AppDbContext db, Access access, UploadRoster upload, GetRosterImport imports, IStringLocalizer<RosterText> text)
    : PageModel
{
    public Guid SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";
    public IReadOnlyList<RosterImportLine> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid schoolId, CancellationToken ct) =>
        await LoadAsync(schoolId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid schoolId, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(schoolId, ct))
        {
            return NotFound();
        }
        var (content, tooLarge) = await UploadedFile.ReadAsync(file, UploadRoster.MaxBytes, ct);
        // An empty file still counts as a file: the preview then says it is empty.
        var result = await upload.HandleAsync(new UploadRosterCommand(schoolId, file?.FileName ?? "", content, tooLarge), ct);
        if (!result.Ok)
        {
            result.CopyTo(ModelState, text);
            return Page();
        }
        return Redirect($"/school/{schoolId}/import/{result.Value}");
    }

    private async Task<bool> LoadAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.RosterImport, Act.View, Target.School(schoolId), ct))
        {
            return false;
        }
        SchoolId = schoolId;
        SchoolName = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        Recent = await imports.RecentAsync(schoolId, ct);
        return true;
    }
}
