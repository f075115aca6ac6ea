using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.FollowThrough;

/// <summary>
/// What the overview knows of some students in a round, loaded in three set-based queries and looked up per
/// student: their guardians who take part, their bookings, and when each household was last reminded.
/// </summary>
internal static class OverviewFacts
{
    internal sealed record GuardianRow(Guid StudentId, Guid? HouseholdId, string First, string? Prefix, string Last, bool HasEmail);

    internal sealed record BookingRow(Guid Id, Guid StudentId, Guid HouseholdId, Guid StaffMemberId, DateTime StartsAt, BookingStatus Status,
        bool? StudentPresent, string First, string? Prefix, string Last);

    internal sealed record MustSeeRow(Guid StudentId, Guid StaffMemberId, string First, string? Prefix, string Last);

    public sealed record Facts(ILookup<Guid, GuardianRow> Guardians, ILookup<Guid, BookingRow> Bookings, Dictionary<Guid, DateTime> RemindedAt)
    {
        public ILookup<Guid, MustSeeRow> MustSee { get; init; } = Array.Empty<MustSeeRow>().ToLookup(m => m.StudentId);
    }

    public static async Task<Facts> LoadAsync(AppDbContext db, ConversationRound round, List<Guid> studentIds, CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.RoundId == round.Id && studentIds.Contains(b.StudentId) && b.Status != BookingStatus.Cancelled)
            .Join(db.StaffMembers, b => b.StaffMemberId, m => m.Id, (b, m) =>
                new BookingRow(b.Id, b.StudentId, b.HouseholdId, b.StaffMemberId, b.StartsAt, b.Status, b.StudentPresent, m.FirstName, m.LastNamePrefix, m.LastName))
            .ToListAsync(ct);
        var guardians = await GuardiansAsync(db, round, studentIds, ct);
        var households = guardians.Where(g => g.HouseholdId is not null).Select(g => g.HouseholdId!.Value)
            .Concat(bookings.Select(b => b.HouseholdId)).Distinct().ToList();
        var reminders = await db.RoundReminders.AsNoTracking().Where(r => r.RoundId == round.Id && households.Contains(r.HouseholdId))
            .Select(r => new { r.HouseholdId, r.SentAt }).ToListAsync(ct);
        var mustSee = await db.MustSeeMarks.AsNoTracking().Where(m => m.RoundId == round.Id && m.Active && studentIds.Contains(m.StudentId))
            .Join(db.StaffMembers, m => m.StaffMemberId, t => t.Id, (m, t) => new MustSeeRow(m.StudentId, m.StaffMemberId, t.FirstName, t.LastNamePrefix, t.LastName))
            .ToListAsync(ct);
        return new Facts(guardians.ToLookup(g => g.StudentId), bookings.ToLookup(b => b.StudentId),
            reminders.GroupBy(r => r.HouseholdId).ToDictionary(g => g.Key, g => g.Max(r => r.SentAt)))
        {
            MustSee = mustSee.ToLookup(m => m.StudentId),
        };
    }

    /// <summary>Every household with a guardian who takes part, and any household that booked; a student with neither still shows.</summary>
    public static List<OverviewFamily> Families(Guid studentId, Facts facts)
    {
        var guardians = facts.Guardians[studentId].ToList();
        var bookings = facts.Bookings[studentId].ToList();
        var households = guardians.Select(x => x.HouseholdId).Concat(bookings.Select(b => (Guid?)b.HouseholdId)).Distinct().ToList();
        if (households.Count == 0)
        {
            households.Add(null);
        }
        var mustSee = facts.MustSee[studentId].ToList();
        return households.Select(h => Family(h, guardians.Where(g => g.HouseholdId == h).ToList(),
            bookings.Where(b => b.HouseholdId == h), facts) with
        {
            MustSee = mustSee.Select(m => new OverviewMustSee(m.StaffMemberId, PersonName.Format(m.First, m.Prefix, m.Last),
                bookings.Any(b => b.HouseholdId == h && b.StaffMemberId == m.StaffMemberId))).ToList(),
        }).ToList();
    }

    private static OverviewFamily Family(Guid? householdId, List<GuardianRow> own, IEnumerable<BookingRow> bookings, Facts facts)
    {
        var booked = bookings.OrderBy(b => b.StartsAt)
            .Select(b => new OverviewBooking(b.Id, b.StartsAt, PersonName.Format(b.First, b.Prefix, b.Last), b.Status, b.StudentPresent, b.StaffMemberId))
            .ToList();
        var state = FamilyStates.Of(booked.Count > 0, booked.Any(b => b.Status == BookingStatus.Held),
            booked.Any(b => b.Status == BookingStatus.NoShow));
        return new OverviewFamily(householdId, own.Select(g => PersonName.Format(g.First, g.Prefix, g.Last)).Order().ToList(),
            own.Any(g => g.HasEmail), householdId is { } h && facts.RemindedAt.TryGetValue(h, out var at) ? at : null, booked, state);
    }

    /// <summary>The guardians who take part in rounds: with parental authority, or without where the school allows it.</summary>
    private static Task<List<GuardianRow>> GuardiansAsync(AppDbContext db, ConversationRound round, List<Guid> studentIds, CancellationToken ct) =>
        FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => studentIds.Contains(c.StudentId))
            .Select(c => new GuardianRow(c.StudentId, c.HouseholdId, c.FirstName, c.LastNamePrefix, c.LastName, c.Email != null))
            .ToListAsync(ct);
}
