using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Conversations;

/// <summary>The staff member's conversations and requests outside the rounds, with replying to a request.</summary>
[AccessRule(Resource.StaffConversations)]
public sealed class StaffModel(GetStaffConversations query, ReplyToWish reply, Access access, IStringLocalizer<ConversationsStaffText> text) : PageModel
{
    public StaffConversationsView View { get; private set; } = null!;

    [BindProperty] public Guid? WishId { get; set; }
    [BindProperty] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? school, CancellationToken ct) => await LoadAsync(school, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(Guid? school, CancellationToken ct)
    {
        if (!await LoadAsync(school, ct) || !await access.MayAsync(Resource.StaffConversations, Act.Change, Target.School(View.SchoolId), ct))
        {
            return NotFound();
        }
        var result = await reply.HandleAsync(new ReplyToWishCommand(WishId, Message), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(school, ct), $"/conversations?school={View.SchoolId}");
    }

    private async Task<bool> LoadAsync(Guid? school, CancellationToken ct)
    {
        var result = await query.HandleAsync(school, ct);
        View = result.Value!;
        return result.Ok;
    }
}
