using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

[AccessRule(Resource.RoundInvitations)]
public sealed class RoundInvitationsModel(GetRoundInvitationStatus query, SendMissingRoundInvitations send, IStringLocalizer<InvitationStaffText> text) : PageModel
{
    public RoundInvitationStatus Status { get; private set; } = null!;
    public int? Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, int? sent, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, ct))
        {
            return NotFound();
        }
        Sent = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostSendMissingAsync(Guid roundId, CancellationToken ct)
    {
        var result = await send.HandleAsync(new SendMissingRoundInvitationsCommand(roundId), ct);
        return await this.AfterCommandAsync(result, text, () => LoadAsync(roundId, ct), $"/rounds/{roundId}/invitations?sent={result.Value}");
    }

    private async Task<bool> LoadAsync(Guid roundId, CancellationToken ct)
    {
        var result = await query.HandleAsync(roundId, ct);
        if (!result.Ok)
        {
            return false;
        }
        Status = result.Value!;
        return true;
    }
}
