using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Accounts;

/// <summary>How far a "send to all" is; refreshes itself until it is done.</summary>
[AccessRule(Resource.AccountInvitations)]
public sealed class AccountInvitationRunModel(GetAccountInvitationRun query) : PageModel
{
    public AccountInvitationRunView Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid schoolId, Guid runId, CancellationToken ct)
    {
        var result = await query.HandleAsync(schoolId, runId, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        Run = result.Value!;
        return Page();
    }
}
