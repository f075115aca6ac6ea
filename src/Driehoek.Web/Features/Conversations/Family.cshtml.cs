using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Conversations;

/// <summary>A child's conversations outside the rounds for the family: answer an invitation, ask for a conversation.</summary>
[AccessRule(Resource.FamilyConversations)]
public sealed class FamilyModel(GetFamilyConversations query, AnswerConversation answer, AskConversation ask, CancelConversation cancel,
    IStringLocalizer<ConversationsText> text) : PageModel
{
    public const string OtherTime = "other";

    public FamilyConversationsView View { get; private set; } = null!;

    [BindProperty] public Guid? ConversationId { get; set; }
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Revision { get; set; }
    [BindProperty] public string? CancelReason { get; set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid studentId, string? done, CancellationToken ct)
    {
        Done = done is "answered" or "asked" or "cancelled" ? done : null;
        return await LoadAsync(studentId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid studentId, CancellationToken ct)
    {
        if (ConversationId is not { } id)
        {
            return await LoadAsync(studentId, ct) ? Refused(new FieldError("", "Answer.PickTime")) : NotFound();
        }
        var other = Choice == OtherTime;
        var result = await answer.HandleAsync(new AnswerConversationCommand(studentId, id, Guid.TryParse(Choice, out var t) ? t : null, other, Message, Revision), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/children/{studentId}/conversations?done=answered");
    }

    public async Task<IActionResult> OnPostAskAsync(Guid studentId, CancellationToken ct)
    {
        var result = await ask.HandleAsync(new AskConversationCommand(studentId, Reason), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/children/{studentId}/conversations?done=asked");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid studentId, CancellationToken ct)
    {
        if (ConversationId is not { } id)
        {
            return NotFound();
        }
        var result = await cancel.ByFamilyAsync(new CancelConversationCommand(studentId, id, Revision, CancelReason), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(studentId, ct), $"/children/{studentId}/conversations?done=cancelled");
    }

    private PageResult Refused(FieldError error)
    {
        Result<Guid>.Invalid(error).CopyTo(ModelState, text);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid studentId, CancellationToken ct)
    {
        var result = await query.HandleAsync(studentId, ct);
        View = result.Value!;
        return result.Ok;
    }
}
