using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Records;

/// <summary>Staff read and add notes on a student, each with who may read it.</summary>
[AccessRule(Resource.StudentNotes)]
public sealed class NotesModel(GetStudentNotes query, AddStudentNote add, IStringLocalizer<RecordsText> strings) : PageModel
{
    public StudentNotesView View { get; private set; } = null!;
    public string? Text { get; private set; }
    public NoteVisibility Visibility { get; private set; } = NoteVisibility.Staff;
    public bool ForHandover { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(studentId, ct))
        {
            return NotFound();
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid studentId, string? text, NoteVisibility visibility, bool forHandover, CancellationToken ct)
    {
        var result = await add.HandleAsync(new AddNoteCommand(studentId, visibility, text, forHandover), ct);
        return await this.AfterCommandAsync(result, strings, () => LoadAsync(studentId, ct), $"/students/{studentId}/notes?saved=true",
            onRefused: () =>
            {
                Text = text;
                Visibility = visibility;
                ForHandover = forHandover;
            });
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, ct);
        View = result.Value!;
        return result.Ok;
    }
}
