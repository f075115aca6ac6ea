using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Records;

/// <summary>One item as the form posts it: the agenda item it answers (hidden) and what was said.</summary>
public sealed class EntryInput
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public bool InTurns { get; set; }
    public string? Text { get; set; }
    public string? Student { get; set; }
    public string? Parent { get; set; }
    public string? Teacher { get; set; }

    public RecordEntry ToEntry() => new(Key, Title, InTurns, Text, Student, Parent, Teacher);

    public static EntryInput From(RecordEntry e) => new()
    {
        Key = e.Key, Title = e.Title, InTurns = e.InTurns, Text = e.Text, Student = e.Student, Parent = e.Parent, Teacher = e.Teacher,
    };
}

/// <summary>The teacher writes down a conversation along its agenda, with the family's preparation on screen.</summary>
[AccessRule(Resource.ConversationRecord)]
public sealed class RecordModel(GetRecord query, SaveRecord save, IStringLocalizer<RecordsText> text) : PageModel
{
    public RecordView View { get; private set; } = null!;
    public List<EntryInput> Entries { get; private set; } = [];
    public string? SharedSummary { get; private set; }
    public int? SupportLevel { get; private set; }
    /// <summary>After "changed meanwhile": the version someone else saved; the form holds the one just sent.</summary>
    public RecordView? Theirs { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid bookingId, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(bookingId, ct))
        {
            return NotFound();
        }
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid bookingId, Guid? version, List<EntryInput>? entries, string? sharedSummary, int? supportLevel,
        CancellationToken ct)
    {
        var given = entries ?? [];
        var result = await save.HandleAsync(new SaveRecordCommand(bookingId, version, given.Select(e => e.ToEntry()).ToList(), sharedSummary, supportLevel), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(bookingId, ct), $"/bookings/{bookingId}/record?saved=true",
            onRefused: () =>
            {
                if (result.Failure == Failure.Conflict)
                {
                    Theirs = View;
                }
                // What was typed stays in the form; after a conflict the next save is made on the other person's version.
                Entries = given;
                SharedSummary = sharedSummary;
                SupportLevel = supportLevel;
            });
    }

    private async Task<bool> LoadAsync(Guid bookingId, CancellationToken ct)
    {
        var result = await query.HandleAsync(bookingId, ct);
        if (!result.Ok)
        {
            return false;
        }
        View = result.Value!;
        Entries = View.Entries.Select(EntryInput.From).ToList();
        SharedSummary = View.SharedSummary;
        SupportLevel = View.SupportLevel;
        return true;
    }
}
