using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.FollowThrough;

public enum FamilyState
{
    NotReached,
    Booked,
    Came,
    NoShow,
}

public sealed record OverviewBooking(Guid Id, DateTime StartsAt, string Teacher, BookingStatus Status, bool? StudentPresent);

/// <summary>One household of one student: its guardians, its bookings, and whether the school can e-mail it.</summary>
public sealed record OverviewFamily(Guid? HouseholdId, IReadOnlyList<string> Guardians, bool HasEmail, DateTime? RemindedAt,
    IReadOnlyList<OverviewBooking> Bookings, FamilyState State);

public sealed record OverviewStudent(Guid Id, string Name, IReadOnlyList<OverviewFamily> Families);

public sealed record OverviewCounts(int Students, int Families, int Booked, int Came, int NoShow, int StudentPresent, int NotReached, int WithoutEmail);

public sealed record OverviewGroup(Guid Id, string Name, OverviewCounts Counts, IReadOnlyList<OverviewStudent> Students);

public sealed record RoundOverview(Guid RoundId, string RoundName, Guid SchoolId, RoundStatus Status, bool AnyBooking, IReadOnlyList<OverviewGroup> Groups);

/// <summary>
/// Per group of a round: who booked, who came, who was not reached (and who has no e-mail, so the school
/// phones or prints). Teachers see their own groups, school-wide staff and leaders all they oversee.
/// </summary>
public sealed class GetRoundOverview(AppDbContext db, Access access)
{
    private sealed record StudentRow(Guid GroupId, Guid StudentId, string First, string? Prefix, string Last);

    private sealed record GuardianRow(Guid StudentId, Guid? HouseholdId, string First, string? Prefix, string Last, bool HasEmail);

    private sealed record BookingRow(Guid Id, Guid StudentId, Guid HouseholdId, DateTime StartsAt, BookingStatus Status, bool? StudentPresent,
        string First, string? Prefix, string Last);

    private sealed record Facts(List<GuardianRow> Guardians, List<BookingRow> Bookings, Dictionary<Guid, DateTime> RemindedAt);

    public async Task<Result<RoundOverview>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var round = await RoundAccess.VisibleToStaffAsync(db, access, roundId, ct);
        var groups = round is null ? [] : await PreparationAccess.StaffGroupsAsync(db, access, round, Resource.RoundOverview, ct);
        if (round is null || groups.Count == 0)
        {
            return Result<RoundOverview>.NotFound();
        }
        var groupIds = groups.Select(g => g.Id).ToList();
        var students = await db.Enrollments.AsNoTracking().Where(e => groupIds.Contains(e.GroupId))
            .Join(db.Students, e => e.StudentId, s => s.Id, (e, s) => new StudentRow(e.GroupId, s.Id, s.FirstName, s.LastNamePrefix, s.LastName))
            .ToListAsync(ct);
        var studentIds = students.Select(s => s.StudentId).Distinct().ToList();
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.RoundId == roundId && studentIds.Contains(b.StudentId) && b.Status != BookingStatus.Cancelled)
            .Join(db.StaffMembers, b => b.StaffMemberId, m => m.Id, (b, m) =>
                new BookingRow(b.Id, b.StudentId, b.HouseholdId, b.StartsAt, b.Status, b.StudentPresent, m.FirstName, m.LastNamePrefix, m.LastName))
            .ToListAsync(ct);
        var reminders = await db.RoundReminders.AsNoTracking().Where(r => r.RoundId == roundId)
            .Select(r => new { r.HouseholdId, r.SentAt }).ToListAsync(ct);
        var facts = new Facts(await GuardiansAsync(round, studentIds, ct), bookings,
            reminders.GroupBy(r => r.HouseholdId).ToDictionary(g => g.Key, g => g.Max(r => r.SentAt)));

        var result = groups.Select(g =>
        {
            var members = students.Where(s => s.GroupId == g.Id).DistinctBy(s => s.StudentId)
                .OrderBy(s => s.Last).ThenBy(s => s.First)
                .Select(s => Student(s, facts)).ToList();
            return new OverviewGroup(g.Id, g.Name, Count(members), members);
        }).ToList();
        return new RoundOverview(round.Id, round.Name, round.SchoolId, round.Status, bookings.Count > 0, result);
    }



    /// <summary>Every household with a guardian who takes part, and any household that booked; a student with neither still shows.</summary>
    private static OverviewStudent Student(StudentRow s, Facts facts)
    {
        var households = facts.Guardians.Where(x => x.StudentId == s.StudentId).Select(x => x.HouseholdId)
            .Concat(facts.Bookings.Where(b => b.StudentId == s.StudentId).Select(b => (Guid?)b.HouseholdId)).Distinct().ToList();
        if (households.Count == 0)
        {
            households.Add(null);
        }
        return new OverviewStudent(s.StudentId, PersonName.Format(s.First, s.Prefix, s.Last), households.Select(h => Family(s.StudentId, h, facts)).ToList());
    }

    private static OverviewFamily Family(Guid studentId, Guid? householdId, Facts facts)
    {
        var own = facts.Guardians.Where(g => g.StudentId == studentId && g.HouseholdId == householdId).ToList();
        var booked = facts.Bookings.Where(b => b.StudentId == studentId && b.HouseholdId == householdId)
            .OrderBy(b => b.StartsAt)
            .Select(b => new OverviewBooking(b.Id, b.StartsAt, PersonName.Format(b.First, b.Prefix, b.Last), b.Status, b.StudentPresent))
            .ToList();
        var state = booked.Count == 0 ? FamilyState.NotReached
            : booked.Any(b => b.Status == BookingStatus.Held) ? FamilyState.Came
            : booked.Any(b => b.Status == BookingStatus.NoShow) ? FamilyState.NoShow
            : FamilyState.Booked;
        return new OverviewFamily(householdId, own.Select(g => PersonName.Format(g.First, g.Prefix, g.Last)).Order().ToList(),
            own.Any(g => g.HasEmail), householdId is { } h && facts.RemindedAt.TryGetValue(h, out var at) ? at : null, booked, state);
    }

    /// <summary>The guardians who take part in rounds: with parental authority, or without where the school allows it.</summary>
    private Task<List<GuardianRow>> GuardiansAsync(ConversationRound round, List<Guid> studentIds, CancellationToken ct) =>
        FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => studentIds.Contains(c.StudentId))
            .Select(c => new GuardianRow(c.StudentId, c.HouseholdId, c.FirstName, c.LastNamePrefix, c.LastName, c.Email != null))
            .ToListAsync(ct);

    private static OverviewCounts Count(IReadOnlyList<OverviewStudent> students)
    {
        var families = students.SelectMany(s => s.Families).ToList();
        var notReached = families.Where(f => f.State == FamilyState.NotReached).ToList();
        return new OverviewCounts(students.Count, families.Count,
            families.Count(f => f.State != FamilyState.NotReached),
            families.Count(f => f.State == FamilyState.Came),
            families.Count(f => f.State == FamilyState.NoShow),
            families.SelectMany(f => f.Bookings).Count(b => b.Status == BookingStatus.Held && b.StudentPresent == true),
            notReached.Count, notReached.Count(f => !f.HasEmail));
    }
}
