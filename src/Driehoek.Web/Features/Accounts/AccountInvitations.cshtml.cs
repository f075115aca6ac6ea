using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Driehoek.Web.Features.Accounts;

public sealed record InviteeGroup(AccountInvitationKind Kind, IReadOnlyList<AccountInvitee> People, int Pending);

/// <summary>Where a school leader sends join links to guardians, students and staff without a login.</summary>
[AccessRule(Resource.AccountInvitations)]
public sealed class AccountInvitationsModel(AppDbContext db, Access access, SendAccountInvitations handler, TimeProvider clock) : PageModel
{
    public Guid SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";
    public IReadOnlyList<InviteeGroup> Groups { get; private set; } = [];
    public int? Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid schoolId, int? sent, CancellationToken ct)
    {
        Sent = sent;
        return await LoadAsync(schoolId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid schoolId, AccountInvitationKind kind, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new SendAccountInvitationsCommand(schoolId, kind, null), ct);
        return result.Ok ? RedirectToPage(new { schoolId, sent = result.Value }) : NotFound();
    }

    private async Task<bool> LoadAsync(Guid schoolId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.AccountInvitations, Act.View, Target.School(schoolId), ct))
        {
            return false;
        }
        SchoolId = schoolId;
        SchoolName = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var groups = new List<InviteeGroup>();
        foreach (var kind in new[] { AccountInvitationKind.Guardian, AccountInvitationKind.Student, AccountInvitationKind.Staff })
        {
            var people = await SendAccountInvitations.EligibleAsync(db, schoolId, kind, ct);
            var pending = await db.AccountInvitations.CountAsync(i =>
                i.SchoolId == schoolId && i.Kind == kind && i.UsedAt == null && i.ExpiresAt > now, ct);
            groups.Add(new InviteeGroup(kind, people, Math.Min(pending, people.Count)));
        }
        Groups = groups;
        return true;
    }
}
