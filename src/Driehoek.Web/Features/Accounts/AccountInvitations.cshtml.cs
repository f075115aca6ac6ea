using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Accounts;

/// <summary>Where a school leader sends join links to guardians, students and staff without a login.</summary>
[AccessRule(Resource.AccountInvitations)]
public sealed class AccountInvitationsModel(GetAccountInvitations query, SendAccountInvitations send) : PageModel
{
    public AccountInvitationsView View { get; private set; } = null!;

    /// <param name="p">The page of the list (not "page": Razor Pages keeps that route value for itself).</param>
    public async Task<IActionResult> OnGetAsync(Guid schoolId, AccountInvitationKind? kind, Guid? group, string? q, int? p, CancellationToken ct)
    {
        var shown = kind is { } k && Enum.IsDefined(k) ? k : AccountInvitationKind.Guardian;
        var result = await query.HandleAsync(new AccountInvitationsQuery(schoolId, shown, group, q, p ?? 1), ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        View = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, AccountInvitationKind kind, CancellationToken ct)
    {
        var result = await send.HandleAsync(new SendAccountInvitationsCommand(schoolId, kind), ct);
        return result.Ok ? Redirect($"/school/{schoolId}/invitations/sends/{result.Value}")
            : result.Failure == Failure.NotFound ? NotFound() : Redirect($"/school/{schoolId}/invitations");
    }

    /// <summary>This list's address with one thing changed, for the kind links and the previous and next links.</summary>
    public string Link(AccountInvitationKind? kind = null, int? page = null)
    {
        var q = View.Query;
        var changesKind = kind is not null && kind != q.Kind;
        var args = new List<string> { $"kind={kind ?? q.Kind}" };
        if (!changesKind && q.GroupId is { } group)
        {
            args.Add($"group={group}");
        }
        if (!changesKind && q.Search is { } search)
        {
            args.Add($"q={Uri.EscapeDataString(search)}");
        }
        if (page is > 1)
        {
            args.Add($"p={page}");
        }
        return $"/school/{View.SchoolId}/invitations?{string.Join('&', args)}";
    }
}
