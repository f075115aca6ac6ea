using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Accounts;

public sealed record AccountInvitationsQuery(Guid SchoolId, AccountInvitationKind Kind, Guid? GroupId, string? Search, int Page);

/// <summary>How many people of a kind have no account, how many of them have no valid invitation, and a send under way.</summary>
public sealed record InviteeKindSummary(AccountInvitationKind Kind, int WithoutAccount, int ToInvite, Guid? OpenRunId);

public sealed record InviteeLine(string Name, string Email, bool Invited);

public sealed record AccountInvitationsView(
    Guid SchoolId, string SchoolName, IReadOnlyList<InviteeKindSummary> Kinds, IReadOnlyList<(Guid Id, string Name)> Groups,
    AccountInvitationsQuery Query, int Matches, int PageCount, IReadOnlyList<InviteeLine> People)
{
    public int First => Matches == 0 ? 0 : ((Query.Page - 1) * GetAccountInvitations.PageSize) + 1;
    public int Last => First == 0 ? 0 : First + People.Count - 1;
}

/// <summary>
/// The invitations page: per kind two counts, and one page of people of the chosen kind (of a group, or
/// matching a search). Every number is counted by the database and only the page's people are read.
/// </summary>
public sealed class GetAccountInvitations(AppDbContext db, Access access, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<Result<AccountInvitationsView>> HandleAsync(AccountInvitationsQuery query, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.AccountInvitations, Act.View, Target.School(query.SchoolId), ct))
        {
            return Result<AccountInvitationsView>.NotFound();
        }
        var schoolId = query.SchoolId;
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var openKeys = Enum.GetValues<AccountInvitationKind>().ToDictionary(k => AccountInvitationRun.OpenKeyFor(schoolId, k));
        var keys = openKeys.Keys.ToList();
        var openRuns = await db.AccountInvitationRuns.AsNoTracking().Where(r => r.OpenKey != null && keys.Contains(r.OpenKey))
            .Select(r => new { r.OpenKey, r.Id }).ToListAsync(ct);
        var kinds = new List<InviteeKindSummary>();
        foreach (var kind in Enum.GetValues<AccountInvitationKind>())
        {
            var (withoutAccount, toInvite) = await AccountInvitees.Eligible(db, schoolId, kind).CountAsync(db, schoolId, kind, now, ct);
            kinds.Add(new InviteeKindSummary(kind, withoutAccount, toInvite,
                openRuns.Where(r => openKeys[r.OpenKey!] == kind).Select(r => (Guid?)r.Id).FirstOrDefault()));
        }

        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, SchoolCalendar.Today(clock), ct);
        var yearId = year?.Id;
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearId == yearId)
            .OrderBy(g => g.Level).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        // A group of another school or year is no filter: it would only ever show nobody.
        var groupId = groups.Any(g => g.Id == query.GroupId) ? query.GroupId : null;
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim()[..Math.Min(query.Search.Trim().Length, 100)];

        var matching = AccountInvitees.Eligible(db, schoolId, query.Kind, groupId).Matching(search);
        // Unfiltered, the list is the kind's people, already counted above.
        var matches = groupId is null && search is null
            ? kinds.Single(k => k.Kind == query.Kind).WithoutAccount
            : await matching.CountAsync(ct);
        var pageCount = Math.Max(1, (matches + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var open = AccountInvitees.Open(db, schoolId, query.Kind, now);
        var lines = await matching
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.PersonId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.FirstName, p.LastNamePrefix, p.LastName, p.Email,
                Invited = open.Any(i => i.PersonId == p.PersonId),
            })
            .ToListAsync(ct);
        return new AccountInvitationsView(schoolId, school, kinds, groups.Select(g => (g.Id, g.Name)).ToList(),
            query with { GroupId = groupId, Search = search, Page = page }, matches, pageCount,
            lines.Select(l => new InviteeLine(People.PersonName.Format(l.FirstName, l.LastNamePrefix, l.LastName), l.Email, l.Invited)).ToList());
    }
}
