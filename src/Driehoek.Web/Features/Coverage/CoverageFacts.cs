using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.FollowThrough;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Coverage;

/// <summary>
/// Where a family stands in a basic round of the year, worst first. The booking part is FollowThrough's
/// <see cref="FamilyState"/>; a family without a booking is <see cref="NotBooked"/> when an invitation reached it
/// (e-mailed, or its letter printed) or a logged call reached it, and <see cref="NotReached"/> when nothing did.
/// </summary>
public enum CoverageState
{
    NotReached,
    NotBooked,
    NoShow,
    Booked,
    Came,
}

public static class CoverageStates
{
    public static CoverageState Of(FamilyState booking, bool invitationReached) => booking switch
    {
        FamilyState.Came => CoverageState.Came,
        FamilyState.NoShow => CoverageState.NoShow,
        FamilyState.Booked => CoverageState.Booked,
        _ => invitationReached ? CoverageState.NotBooked : CoverageState.NotReached,
    };
}

/// <summary>A published start, progress or end round of the year.</summary>
public sealed record CoverageRound(Guid Id, RoundKind Kind, string Name, RoundMode Mode, DateOnly FirstDay);

/// <summary>One family in one kind of round: its state, whether the student took part, the round to follow up in, and the last call logged.</summary>
public sealed record KindState(CoverageState State, bool StudentPresent, Guid RoundId, DateTime? CalledAt = null);

/// <summary>
/// One household of one student (a student without a household on file is one family with none). Its language is
/// the home language: one other than Dutch if any of its guardians prefers one.
/// </summary>
public sealed record CoverageFamily(Guid StudentId, Guid GroupId, Guid? HouseholdId, IReadOnlyList<string> Guardians, string Language,
    bool HasEmail, bool HasAccount, IReadOnlyDictionary<RoundKind, KindState> Kinds);

/// <summary>Families counted for one kind of round: only those whose group that kind of round covers.</summary>
public sealed record StateCounts(int Families, int Came, int NoShow, int Booked, int NotBooked, int NotReached, int StudentPresent)
{
    public static StateCounts Of(IEnumerable<CoverageFamily> families, RoundKind kind)
    {
        var states = families.Select(f => f.Kinds.GetValueOrDefault(kind)).OfType<KindState>().ToList();
        return new StateCounts(states.Count, states.Count(s => s.State == CoverageState.Came), states.Count(s => s.State == CoverageState.NoShow),
            states.Count(s => s.State == CoverageState.Booked), states.Count(s => s.State == CoverageState.NotBooked),
            states.Count(s => s.State == CoverageState.NotReached), states.Count(s => s.StudentPresent));
    }
}

/// <summary>
/// The year's coverage of a school or one of its groups, in five set-based queries whatever the number of families:
/// the rounds, the groups they cover, the students, their contacts, and the bookings, reached invitations and logged
/// calls grouped per round, student and household in the database.
/// </summary>
internal static class CoverageFacts
{
    public static readonly RoundKind[] BasicKinds = [RoundKind.Start, RoundKind.Progress, RoundKind.End];

    public sealed record Loaded(IReadOnlyList<CoverageRound> Rounds, IReadOnlyList<(Guid StudentId, Guid GroupId)> Students,
        IReadOnlyList<CoverageFamily> Families);

    public static async Task<Loaded> LoadAsync(AppDbContext db, Guid schoolId, Guid yearId, Guid? groupId, CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.SchoolYearId == yearId && r.Status == RoundStatus.Published && BasicKinds.Contains(r.Kind))
            .OrderBy(r => r.FirstDay)
            .Select(r => new CoverageRound(r.Id, r.Kind, r.Name, r.Mode, r.FirstDay)).ToListAsync(ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var enrolled = db.Enrollments.Where(e => e.SchoolId == schoolId && e.SchoolYearId == yearId && (groupId == null || e.GroupId == groupId));
        var covering = (await db.RoundGroups.AsNoTracking().Where(x => roundIds.Contains(x.RoundId) && (groupId == null || x.GroupId == groupId))
            .Select(x => new { x.GroupId, x.RoundId }).ToListAsync(ct)).ToLookup(x => x.GroupId, x => x.RoundId);
        var students = (await enrolled.AsNoTracking().Select(e => new { e.StudentId, e.GroupId }).ToListAsync(ct))
            .DistinctBy(s => s.StudentId).Select(s => (s.StudentId, s.GroupId)).ToList();
        var contacts = (await FamilyContacts.Of(db, schoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => c.HouseholdId != null && enrolled.Any(e => e.StudentId == c.StudentId))
            .Select(c => new
            {
                c.StudentId, Household = c.HouseholdId!.Value, c.FirstName, c.LastNamePrefix, c.LastName, c.PreferredLanguage,
                HasEmail = c.Email != null, HasAccount = c.UserId != null,
            })
            .ToListAsync(ct)).ToLookup(c => c.StudentId);
        var bookings = (await db.Bookings.AsNoTracking()
            .Where(b => roundIds.Contains(b.RoundId) && b.Status != BookingStatus.Cancelled && enrolled.Any(e => e.StudentId == b.StudentId))
            .GroupBy(b => new { b.RoundId, b.StudentId, b.HouseholdId })
            .Select(g => new
            {
                g.Key.RoundId, g.Key.StudentId, g.Key.HouseholdId,
                Held = g.Max(b => b.Status == BookingStatus.Held ? 1 : 0),
                NoShow = g.Max(b => b.Status == BookingStatus.NoShow ? 1 : 0),
                Present = g.Max(b => b.Status == BookingStatus.Held && b.StudentPresent == true ? 1 : 0),
            })
            .ToListAsync(ct)).ToDictionary(b => (b.RoundId, b.StudentId, b.HouseholdId));
        var reached = (await db.RoundInvitations.AsNoTracking()
            .Where(i => roundIds.Contains(i.RoundId) && (i.EmailedAt != null || i.PrintedAt != null) && enrolled.Any(e => e.StudentId == i.StudentId))
            .Select(i => new { i.RoundId, i.StudentId, i.HouseholdId }).Distinct()
            .ToListAsync(ct)).Select(i => (i.RoundId, i.StudentId, i.HouseholdId)).ToHashSet();

        var calls = (await db.FollowUpCalls.AsNoTracking()
            .Where(c => roundIds.Contains(c.RoundId) && enrolled.Any(e => e.StudentId == c.StudentId))
            .GroupBy(c => new { c.RoundId, c.StudentId, c.HouseholdId })
            .Select(g => new
            {
                g.Key.RoundId, g.Key.StudentId, g.Key.HouseholdId, Last = g.Max(c => c.CalledAt),
                Reached = g.Max(c => c.Outcome == CallOutcome.Reached ? 1 : 0),
            })
            .ToListAsync(ct)).ToDictionary(c => (c.RoundId, c.StudentId, c.HouseholdId));

        var kindOf = rounds.ToDictionary(r => r.Id, r => r.Kind);
        var order = rounds.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var bookedHouseholds = bookings.Keys.ToLookup(k => k.StudentId, k => k.HouseholdId);
        var families = new List<CoverageFamily>();
        foreach (var (studentId, group) in students)
        {
            var own = contacts[studentId].ToList();
            var households = own.Select(c => (Guid?)c.Household).Concat(bookedHouseholds[studentId].Select(h => (Guid?)h)).Distinct().ToList();
            if (households.Count == 0)
            {
                households.Add(null);
            }
            var groupRounds = covering[group].Where(kindOf.ContainsKey).OrderBy(id => order[id]).ToList();
            foreach (var household in households)
            {
                var guardians = own.Where(c => c.Household == household).ToList();
                var kinds = new Dictionary<RoundKind, KindState>();
                foreach (var roundId in groupRounds)
                {
                    var state = StateIn(roundId, studentId, household);
                    // Several rounds of one kind: the best state counts; a family not yet reached is followed up in the latest round.
                    if (!kinds.TryGetValue(kindOf[roundId], out var so) || state.State >= so.State)
                    {
                        kinds[kindOf[roundId]] = state with
                        {
                            StudentPresent = state.StudentPresent || (so?.StudentPresent ?? false),
                            CalledAt = state.CalledAt ?? so?.CalledAt,
                        };
                    }
                }
                families.Add(new CoverageFamily(studentId, group, household,
                    guardians.Select(c => PersonName.Format(c.FirstName, c.LastNamePrefix, c.LastName)).Order().ToList(),
                    HomeLanguage(guardians.Select(c => c.PreferredLanguage)), guardians.Any(c => c.HasEmail), guardians.Any(c => c.HasAccount), kinds));
            }
        }
        return new Loaded(rounds, students, families);

        KindState StateIn(Guid roundId, Guid studentId, Guid? household)
        {
            var booked = household is { } h && bookings.TryGetValue((roundId, studentId, h), out var b) ? b : null;
            var booking = FamilyStates.Of(booked is not null, booked?.Held == 1, booked?.NoShow == 1);
            var call = calls.GetValueOrDefault((roundId, studentId, household));
            var invited = (household is { } hh && reached.Contains((roundId, studentId, hh))) || call?.Reached == 1;
            return new KindState(CoverageStates.Of(booking, invited), booked?.Present == 1, roundId, call?.Last);
        }
    }

    private static string HomeLanguage(IEnumerable<string> preferred)
    {
        var codes = preferred.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).Distinct().Order().ToList();
        return codes.FirstOrDefault(c => c != "nl") ?? "nl";
    }
}
