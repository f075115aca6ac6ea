using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.InvitationTexts)]
public sealed class InvitationTemplateEditModel(GetInvitationTemplates query, SaveInvitationTemplate save, IStringLocalizer<InvitationStaffText> text) : PageModel
{
    public TemplateForm Template { get; private set; } = null!;
    public TemplateInput Input { get; private set; } = null!;
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, ConversationForm form, string language, string? notice, CancellationToken ct)
    {
        if (!await LoadAsync(schoolId, form, language, ct))
        {
            return NotFound();
        }
        Notice = notice is "Edit.Saved" or "Edit.WasReset" ? notice : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, ConversationForm form, string language, Guid? version,
        string? purpose, string? parentQuestions, string? studentQuestions, string? teacherQuestions, CancellationToken ct)
    {
        var input = new TemplateInput(purpose, parentQuestions, studentQuestions, teacherQuestions);
        var result = await save.HandleAsync(new SaveInvitationTemplateCommand(schoolId, form, language, version, input), ct);
        return await AfterAsync(schoolId, form, language, result, "Edit.Saved", result.Failure == Failure.Invalid ? input : null, ct);
    }

    public async Task<IActionResult> OnPostResetAsync(Guid schoolId, ConversationForm form, string language, Guid? version, bool sure, CancellationToken ct)
    {
        if (!sure)
        {
            if (!await LoadAsync(schoolId, form, language, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError("sure", text["Edit.ResetConfirmFirst"]);
            return Page();
        }
        var result = await save.ResetAsync(new ResetInvitationTemplateCommand(schoolId, form, language, version), ct);
        return await AfterAsync(schoolId, form, language, result, "Edit.WasReset", null, ct);
    }

    // A stale edit shows the newest text; a wrong one keeps what the leader typed.
    private Task<IActionResult> AfterAsync(Guid schoolId, ConversationForm form, string language, Result<Guid> result, string notice,
        TemplateInput? keep, CancellationToken ct) =>
        this.AfterCommandAsync(result, text, () => LoadAsync(schoolId, form, language, ct),
            $"/school/{schoolId}/invitation-texts/{form}/{language}?notice={notice}", () => Input = keep ?? Input);

    private async Task<bool> LoadAsync(Guid schoolId, ConversationForm form, string language, CancellationToken ct)
    {
        var result = await query.FormAsync(schoolId, form, language, ct);
        if (!result.Ok)
        {
            return false;
        }
        Template = result.Value!;
        var t = Template.Text;
        Input = new TemplateInput(t.Purpose, InvitationTexts.Joined(t.ParentQuestions), InvitationTexts.Joined(t.StudentQuestions),
            InvitationTexts.Joined(t.TeacherQuestions));
        return true;
    }
}
