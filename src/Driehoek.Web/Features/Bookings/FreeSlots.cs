using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Bookings;

/// <summary>Slots nobody has booked yet, that a household can still take.</summary>
public sealed class FreeSlots(AppDbContext db, TimeProvider clock)
{
    public Task<List<FreeSlot>> ForTeachersAsync(Guid roundId, IReadOnlyCollection<Guid> staffMemberIds, CancellationToken ct) =>
        Free(roundId, staffMemberIds).ToListAsync(ct);

    /// <param name="notBusy">Claim owners (<see cref="TimeClaims"/>) who must be free for the whole slot: a household's and child's own conversations.</param>
    private IQueryable<FreeSlot> Free(Guid roundId, IReadOnlyCollection<Guid> staffMemberIds, IReadOnlyList<string>? notBusy = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slots = db.Slots.AsNoTracking()
            // The booking side names the round and teachers too: the same answer, and PostgreSQL then hashes these
            // teachers' bookings instead of every booking of the school for each page of free slots.
            .Where(s => s.RoundId == roundId && staffMemberIds.Contains(s.StaffMemberId) && s.StartsAt > now
                        && !db.Bookings.Any(b => b.ActiveSlotId == s.Id && b.RoundId == roundId && staffMemberIds.Contains(b.StaffMemberId)));
        if (notBusy is not null)
        {
            slots = slots.Where(s => !db.TimeClaims.Any(c => notBusy.Contains(c.Owner) && c.Cell >= s.StartsAt && c.Cell < s.EndsAt));
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
    /// <param name="known">What the booking's checks read about the wanted slot, when the caller has it: a subject teacher has no
    /// colleague in the same role for this child, so the child's teachers need not be read.</param>
    public async Task<IReadOnlyList<FreeSlot>> NearestAsync(FamilyContext family, Slot wanted, CancellationToken ct, BookingChecks.SlotState? known = null)
    {
        List<Guid> candidates;
        if (known is { IsSubject: true, IsMain: false })
        {
            candidates = [wanted.StaffMemberId];
        }
        else
        {
            var teachers = (await TeachersOfStudent.ForRoundAsync(db, family.Round, [family.StudentId], ct)).GetValueOrDefault(family.StudentId) ?? [];
            var role = teachers.FirstOrDefault(t => t.StaffMemberId == wanted.StaffMemberId)?.Role;
            candidates = teachers.Where(t => t.StaffMemberId == wanted.StaffMemberId || (t.Role == role && role != StaffRole.SubjectTeacher))
                .Select(t => t.StaffMemberId).ToList();
        }
        // Times when the household or the child already has a conversation are left out in the same query (BusyAsync's rule).
        return (await Free(family.Round.Id, candidates, TimeClaims.OwnersOf(family)).ToListAsync(ct))
            .OrderBy(s => Math.Abs((s.StartsAt - wanted.StartsAt).Ticks))
            .Take(3)
            .OrderBy(s => s.StartsAt)
            .ToList();
    }

    /// <summary>
    /// When these families already have a conversation, in any round of any school, read as the booking reads it
    /// (<see cref="TimeClaims"/>: the household's and the child's five-minute cells) for the round's days in one query,
    /// so a list offers only times that can be booked. <paramref name="movingBookingId"/>'s own time does not count.
    /// </summary>
    public async Task<BusyTimes> BusyAsync(ConversationRound round, IEnumerable<FamilyContext> families, CancellationToken ct,
        Guid? movingBookingId = null)
    {
        var owners = families.SelectMany(TimeClaims.OwnersOf).Distinct().ToList();
        var from = SchoolCalendar.ToUtc(round.FirstDay.ToDateTime(TimeOnly.MinValue));
        var to = SchoolCalendar.ToUtc(round.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var cells = await db.TimeClaims.AsNoTracking()
            .Where(c => owners.Contains(c.Owner) && c.Cell >= from && c.Cell < to && c.BookingId != movingBookingId)
            .Select(c => new { c.Owner, c.Cell }).ToListAsync(ct);
        return new BusyTimes(cells.ToLookup(c => c.Owner, c => c.Cell));
    }
}

/// <summary>The claimed cells of some households and children; a slot clashes where the booking would be refused as overlapping.</summary>
public sealed record BusyTimes(ILookup<string, DateTime> Cells)
{
    public bool Clashes(FamilyContext family, DateTime start, DateTime end) =>
        TimeClaims.OwnersOf(family).Any(owner => Cells[owner].Any(cell => cell >= start && cell < end));
}
