using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

/// <summary>Slots nobody has booked yet, that a household can still take.</summary>
public sealed class FreeSlots(AppDbContext db, TimeProvider clock)
{
    public Task<List<FreeSlot>> ForTeachersAsync(Guid roundId, IReadOnlyCollection<Guid> staffMemberIds, CancellationToken ct) =>
        Free(roundId, staffMemberIds).ToListAsync(ct);

    private IQueryable<FreeSlot> Free(Guid roundId, IReadOnlyCollection<Guid> staffMemberIds, FamilyContext? notBusy = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slots = db.Slots.AsNoTracking()
            // The booking side names the round and teachers too: the same answer, and PostgreSQL then hashes these
            // teachers' bookings instead of every booking of the school for each page of free slots.
            .Where(s => s.RoundId == roundId && staffMemberIds.Contains(s.StaffMemberId) && s.StartsAt > now
                        && !db.Bookings.Any(b => b.ActiveSlotId == s.Id && b.RoundId == roundId && staffMemberIds.Contains(b.StaffMemberId)));
        if (notBusy is not null)
        {
            // Not while the household (or the student, when students take part) is in another conversation.
            var withStudent = notBusy.Round.Participants.HasFlag(Rounds.Participants.Student);
            slots = slots.Where(s => !db.Bookings.Any(b => b.RoundId == roundId && b.ActiveSlotId != null
                && (b.HouseholdId == notBusy.HouseholdId || (withStudent && b.StudentId == notBusy.StudentId))
                && b.StartsAt < s.EndsAt && s.StartsAt < b.EndsAt));
        }
        return slots
            .Join(db.StaffMembers, s => s.StaffMemberId, m => m.Id, (s, m) => new { s, m.FirstName, m.LastNamePrefix, m.LastName })
            .OrderBy(x => x.s.StartsAt)
            .Select(x => new FreeSlot(x.s.Id, x.s.StaffMemberId, x.FirstName + " " + (x.LastNamePrefix == null ? "" : x.LastNamePrefix + " ") + x.LastName,
                x.s.StartsAt, x.s.EndsAt, x.s.Room, x.s.VideoLink != null));
    }

    /// <summary>
    /// The free slots nearest in time to the one that was just taken, with the same teacher or a
    /// colleague in the same role for this child (a duo partner), that fit the household's other bookings.
    /// </summary>
    public async Task<IReadOnlyList<FreeSlot>> NearestAsync(FamilyContext family, Slot wanted, CancellationToken ct)
    {
        var teachers = (await TeachersOfStudent.ForRoundAsync(db, family.Round, [family.StudentId], ct)).GetValueOrDefault(family.StudentId) ?? [];
        var role = teachers.FirstOrDefault(t => t.StaffMemberId == wanted.StaffMemberId)?.Role;
        var candidates = teachers.Where(t => t.StaffMemberId == wanted.StaffMemberId || (t.Role == role && role != StaffRole.SubjectTeacher))
            .Select(t => t.StaffMemberId).ToList();
        // The household's own conversations are left out in the same query: a lost race costs one round trip less.
        return (await Free(family.Round.Id, candidates, notBusy: family).ToListAsync(ct))
            .OrderBy(s => Math.Abs((s.StartsAt - wanted.StartsAt).Ticks))
            .Take(3)
            .OrderBy(s => s.StartsAt)
            .ToList();
    }

    /// <summary>When the household is busy, and the student too when students take part in this round.</summary>
    public async Task<List<(DateTime Start, DateTime End)>> HouseholdBusyAsync(FamilyContext family, CancellationToken ct)
    {
        var withStudent = family.Round.Participants.HasFlag(Rounds.Participants.Student);
        return (await db.Bookings.AsNoTracking()
                .Where(b => b.RoundId == family.Round.Id && b.ActiveSlotId != null
                            && (b.HouseholdId == family.HouseholdId || (withStudent && b.StudentId == family.StudentId)))
                .Select(b => new { b.StartsAt, b.EndsAt }).ToListAsync(ct))
            .Select(b => (b.StartsAt, b.EndsAt)).ToList();
    }
}
