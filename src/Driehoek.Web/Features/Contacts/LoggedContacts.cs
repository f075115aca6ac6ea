using Driehoek.Web.Features.Coverage;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Web.Features.Contacts;

/// <summary>
/// The contact rules' view of the contact log: what <see cref="HeldContacts"/> counts (held conversations, completed
/// tasks), plus every contact staff logged (a positive one as positive contact) and every coverage call that reached
/// the family. News from home is the family reaching the school, not the school reaching the family: it does not count.
/// </summary>
public sealed class LoggedContacts(AppDbContext db, HeldContacts held) : IContactHistory
{
    public async Task<IReadOnlyDictionary<Guid, DateTime>> LastContactsAsync(Guid schoolId, DateTime since, bool positiveOnly, CancellationToken ct)
    {
        var last = new Dictionary<Guid, DateTime>(await held.LastContactsAsync(schoolId, since, positiveOnly, ct));
        var logged = await db.ContactEntries.AsNoTracking()
            .Where(c => c.SchoolId == schoolId && c.At >= since && c.Channel != ContactChannel.FamilyNews
                        && (!positiveOnly || c.Tone == ContactTone.Positive))
            .Select(c => new { c.StudentId, c.At }).ToListAsync(ct);
        var calls = positiveOnly ? [] : await db.FollowUpCalls.AsNoTracking()
            .Where(c => c.SchoolId == schoolId && c.CalledAt >= since && c.Outcome == CallOutcome.Reached)
            .Select(c => new { c.StudentId, At = c.CalledAt }).ToListAsync(ct);
        foreach (var c in logged.Concat(calls))
        {
            if (!last.TryGetValue(c.StudentId, out var at) || c.At > at)
            {
                last[c.StudentId] = c.At;
            }
        }
        return last;
    }
}
