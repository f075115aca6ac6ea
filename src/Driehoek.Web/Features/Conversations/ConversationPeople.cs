using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Conversations;

/// <summary>One person at the table as the family and staff read it: "J. de Vries (GGD, jeugdarts)".</summary>
public sealed record Participant(Guid? StaffMemberId, string Name, string? Organisation, string? Role)
{
    public string Display => Organisation is null && Role is null ? Name
        : $"{Name} ({string.Join(", ", new[] { Organisation, Role }.Where(x => x is not null))})";
}

public static class ConversationPeople
{
    /// <summary>The participants of these conversations, staff by their name at school, outsiders as entered.</summary>
    public static async Task<Dictionary<Guid, List<Participant>>> OfAsync(AppDbContext db, IReadOnlyCollection<Guid> conversationIds, CancellationToken ct)
    {
        var rows = await (from p in db.PlannedConversationParticipants.AsNoTracking()
                          where conversationIds.Contains(p.ConversationId)
                          from m in db.StaffMembers.Where(m => m.Id == p.StaffMemberId).DefaultIfEmpty()
                          select new
                          {
                              p.Id, p.ConversationId, p.StaffMemberId, p.Name, p.Organisation, p.Role,
                              StaffFirst = m == null ? null : m.FirstName, StaffPrefix = m == null ? null : m.LastNamePrefix,
                              StaffLast = m == null ? null : m.LastName,
                          }).ToListAsync(ct);
        return rows.OrderBy(r => r.StaffMemberId is null).ThenBy(r => r.Id).GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Select(r =>
            r.StaffMemberId is not null
                ? new Participant(r.StaffMemberId, PersonName.Format(r.StaffFirst ?? "", r.StaffPrefix, r.StaffLast ?? ""), null, null)
                : new Participant(null, r.Name ?? "", r.Organisation, r.Role)).ToList());
    }
}
