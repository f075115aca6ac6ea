namespace Driehoek.Web.Features.Conversations;

public sealed record OpenRequestCount(int Open, int Overdue);

/// <summary>How many requests for a conversation wait for the signed-in staff member, and how many of those are overdue: the home page's line.</summary>
public sealed class OpenRequests(AppDbContext db, Access access, TimeProvider clock)
{
    public async Task<OpenRequestCount> ForMeAsync(CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (open, overdue) = (0, 0);
        foreach (var schoolId in profile.StaffSchoolIds)
        {
            var (_, wishes) = GetStaffConversations.Mine(db, profile, schoolId, await GetStaffConversations.IsSchoolWideAsync(access, schoolId, ct));
            var due = await wishes.Where(w => w.Status == WishStatus.Open).Select(w => w.ReplyBy).ToListAsync(ct);
            open += due.Count;
            overdue += due.Count(d => d < now);
        }
        return new OpenRequestCount(open, overdue);
    }
}
