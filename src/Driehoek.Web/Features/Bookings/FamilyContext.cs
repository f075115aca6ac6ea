using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// The signed-in guardian, one of their children and a round they may book in: the household books,
/// so separated parents each have their own bookings. Null when any of that does not hold.
/// </summary>
public sealed record FamilyContext(ConversationRound Round, Guid StudentId, Guid GuardianId, Guid HouseholdId, bool ByStaff = false)
{
    public static async Task<FamilyContext?> LoadAsync(AppDbContext db, Access access, Guid roundId, Guid studentId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        if (!profile.Children.TryGetValue(studentId, out var link) || link.HouseholdId is not { } household)
        {
            return null;
        }
        var found = await RoundWithStudent.For(db)(db, roundId, link.SchoolId, studentId, ct);
        if (found is not { Round: var round, InRound: true } || round.Status == RoundStatus.Draft || !await MayTakePartAsync(db, link, ct))
        {
            return null;
        }
        return new FamilyContext(round, studentId, link.GuardianId, household);
    }

    /// <summary>
    /// <see cref="LoadAsync"/> for every child of the signed-in guardian at once, with the children's first names: the
    /// round, which of the children are in it and what their school lets a guardian without authority take part in, in
    /// one query after the access profile (every family asks for its options before it books). Ordered by name.
    /// </summary>
    public static async Task<LoadedFamilies> LoadAllAsync(AppDbContext db, Access access, Guid roundId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var links = profile.Children.Values.Where(l => l.HouseholdId is not null).ToList();
        if (links.Count == 0)
        {
            return LoadedFamilies.None;
        }
        var ids = links.Select(l => l.StudentId).ToList();
        var households = links.Select(l => l.HouseholdId!.Value).Distinct().ToList();
        var schools = links.Select(l => l.SchoolId).Distinct().ToList();
        var found = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId && schools.Contains(r.SchoolId) && r.Status != RoundStatus.Draft)
            .Select(r => new
            {
                Round = r,
                SchoolAllows = db.Schools.Where(s => s.Id == r.SchoolId).Select(s => s.LimitedGuardianAccess).First(),
                Children = db.RoundGroups.Where(g => g.RoundId == r.Id)
                    .Join(db.Enrollments, g => g.GroupId, e => e.GroupId, (g, e) => e.StudentId)
                    .Where(id => ids.Contains(id))
                    .Join(db.Students, id => id, st => st.Id, (id, st) => new { st.Id, st.FirstName })
                    .ToList(),
                Waiting = db.WaitingList.Where(w => w.RoundId == r.Id && households.Contains(w.HouseholdId) && w.ResolvedAt == null)
                    .Select(w => new { w.StudentId, w.StaffMemberId, w.HouseholdId }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return LoadedFamilies.None;
        }
        var names = found.Children.DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => c.FirstName);
        var families = links
            .Where(l => l.SchoolId == found.Round.SchoolId && names.ContainsKey(l.StudentId)
                        && FamilyContacts.MayBeTold(l.HasParentalAuthority, found.SchoolAllows, LimitedGuardianAccess.ConversationRounds))
            .Select(l => (new FamilyContext(found.Round, l.StudentId, l.GuardianId, l.HouseholdId!.Value), names[l.StudentId]))
            .OrderBy(x => x.Item2, StringComparer.CurrentCulture).ThenBy(x => x.Item1.StudentId)
            .ToList();
        var waiting = found.Waiting.Where(w => families.Any(f => f.Item1.StudentId == w.StudentId && f.Item1.HouseholdId == w.HouseholdId))
            .Select(w => (w.StudentId, w.StaffMemberId)).Distinct().ToList();
        return new LoadedFamilies(families, waiting);
    }

    /// <summary>
    /// What <see cref="LoadAllAsync"/> read: the children with their first names, and the teachers whose waiting list a
    /// child of these households is on (unresolved), read in the same query.
    /// </summary>
    public sealed record LoadedFamilies(IReadOnlyList<(FamilyContext Family, string FirstName)> Families,
        IReadOnlyList<(Guid StudentId, Guid StaffMemberId)> Waiting)
    {
        public static readonly LoadedFamilies None = new([], []);
    }

    /// <summary>
    /// <see cref="LoadAsync"/> for a booking: the family with the slot it wants and everything the booking checks
    /// read (<see cref="BookingChecks.StateAsync"/>), in one query after the access profile. Null when the family
    /// may not book in the round or the slot is not in it.
    /// </summary>
    public static async Task<(FamilyContext Family, BookingChecks.SlotState State)?> WithSlotAsync(AppDbContext db, Access access, Guid roundId, Guid studentId,
        Guid slotId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        if (!profile.Children.TryGetValue(studentId, out var link) || link.HouseholdId is not { } household)
        {
            return null;
        }
        var state = await BookingChecks.StateAsync(db, link.SchoolId, roundId, studentId, household, slotId, ct);
        if (state is not { InRound: true } || state.Round.Status == RoundStatus.Draft || !await MayTakePartAsync(db, link, ct))
        {
            return null;
        }
        return (new FamilyContext(state.Round, studentId, link.GuardianId, household), state);
    }

    private sealed record RoundAndStudent(ConversationRound Round, bool InRound);

    /// <summary>The round (of the child's school) and whether the child is in one of its groups, in one compiled round trip: every booking request asks.</summary>
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, Guid, Guid, CancellationToken, Task<RoundAndStudent?>>> RoundWithStudent = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid roundId, Guid schoolId, Guid studentId, CancellationToken ct) => db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId && r.SchoolId == schoolId)
            .Select(r => new RoundAndStudent(r, db.RoundGroups.Where(g => g.RoundId == r.Id)
                .Join(db.Enrollments, g => g.GroupId, e => e.GroupId, (g, e) => e.StudentId).Any(s => s == studentId)))
            .FirstOrDefault()));

    /// <summary>A guardian without parental authority takes part only where the school allows it.</summary>
    public static Task<bool> MayTakePartAsync(AppDbContext db, GuardianLink link, CancellationToken ct) =>
        FamilyContacts.MayBeToldAsync(db, link, LimitedGuardianAccess.ConversationRounds, ct);
}
