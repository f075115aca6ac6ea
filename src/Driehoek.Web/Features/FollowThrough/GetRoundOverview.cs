using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.FollowThrough;

/// <summary>
/// Where a household stands in a round, from its bookings alone: <see cref="NotReached"/> means no booking yet
/// (the cycle's coverage splits it into invited-but-not-booked and not reached at all, from the invitations).
/// </summary>
public enum FamilyState
{
    NotReached,
    Booked,
    Came,
    NoShow,
}

/// <summary>The one rule that turns a household's bookings in a round into its <see cref="FamilyState"/>.</summary>
public static class FamilyStates
{
    /// <param name="booked">any booking that is not cancelled</param>
    /// <param name="held">any of them held</param>
    /// <param name="noShow">any of them a no-show</param>
    public static FamilyState Of(bool booked, bool held, bool noShow) =>
        !booked ? FamilyState.NotReached
        : held ? FamilyState.Came
        : noShow ? FamilyState.NoShow
        : FamilyState.Booked;
}

/// <summary>One booking in the overview; <see cref="CanOpen"/> when the reader may open it (its teacher, a leader), so no link leads nowhere.</summary>
public sealed record OverviewBooking(Guid Id, DateTime StartsAt, string Teacher, BookingStatus Status, bool? StudentPresent, Guid StaffMemberId,
    bool CanOpen = false);

/// <summary>One household of one student: its guardians, its bookings, and whether the school can e-mail it.</summary>
public sealed record OverviewFamily(Guid? HouseholdId, IReadOnlyList<string> Guardians, bool HasEmail, DateTime? RemindedAt,
    IReadOnlyList<OverviewBooking> Bookings, FamilyState State)
{
    /// <summary>The teachers who marked this child's family as must-see, and whether this household booked with each (never the reason).</summary>
    public IReadOnlyList<OverviewMustSee> MustSee { get; init; } = [];
}

/// <summary>A must-see mark as the overview shows it: who wants to see the family, and whether the household booked with them.</summary>
public sealed record OverviewMustSee(Guid StaffMemberId, string Teacher, bool Booked);

public sealed record OverviewStudent(Guid Id, string Name, IReadOnlyList<OverviewFamily> Families);

public sealed record OverviewCounts(int Students, int Families, int Booked, int Came, int NoShow, int StudentPresent, int NotReached, int WithoutEmail);

public sealed record OverviewGroup(Guid Id, string Name, IReadOnlyList<OverviewStudent> Students);

/// <summary>
/// One page of a round's overview. <see cref="Counts"/> are those of the whole chosen group (null for a search
/// across groups); <see cref="Groups"/> holds the page's students under their groups.
/// </summary>
public sealed record RoundOverview(Guid RoundId, string RoundName, Guid SchoolId, RoundStatus Status, bool AnyBooking, ListPage List,
    OverviewCounts? Counts, IReadOnlyList<OverviewGroup> Groups)
{
    /// <summary>The reader may book for a family not reached (a leader of a published self-booking round: any teacher's times).</summary>
    public bool CanBookForFamilies { get; init; }
}

/// <param name="MustSeeOpen">Only children marked must-see whose family has not booked with the teacher who marked them.</param>
public sealed record OverviewQuery(Guid RoundId, StudentListFilter Filter, bool MustSeeOpen = false);

/// <summary>
/// Per group of a round: who booked, who came, who was not reached (and who has no e-mail, so the school
/// phones or prints). Teachers see their own groups, school-wide staff and leaders all they oversee, one
/// group or search at a time and one page of students; the work done is that of the group shown.
/// </summary>
public sealed class GetRoundOverview(AppDbContext db, Access access)
{
    public async Task<Result<RoundOverview>> HandleAsync(OverviewQuery query, CancellationToken ct)
    {
        var round = await RoundAccess.VisibleToStaffAsync(db, access, query.RoundId, ct);
        var listed = round is null ? null : await StudentListing.PageAsync(db, access, round, Resource.RoundOverview, query.Filter,
            query.MustSeeOpen ? MustSeeOpen(round.Id) : null, ct);
        if (round is null || listed is null)
        {
            return Result<RoundOverview>.NotFound();
        }
        var list = listed.List;
        // Counts are the whole group's: a group is the unit a teacher answers for, and it is small.
        var counted = list.GroupId is { } groupId && list.Search is null
            ? await db.Enrollments.AsNoTracking().Where(e => e.GroupId == groupId).Select(e => e.StudentId).Distinct().ToListAsync(ct)
            : listed.Students.Select(s => s.Id).Distinct().ToList();
        var facts = await OverviewFacts.LoadAsync(db, round, counted, ct);
        var mayOpen = await MayOpenPerGroupAsync(round, listed.Students.Select(s => s.GroupId).Distinct().ToList(), ct);
        var groups = listed.Students.GroupBy(s => (s.GroupId, s.GroupName))
            .Select(g => new OverviewGroup(g.Key.GroupId, g.Key.GroupName, g.Select(s => Student(s, facts, mayOpen[g.Key.GroupId])).ToList()))
            .ToList();
        var counts = list.GroupId is not null && list.Search is null ? Count(counted.Select(id => OverviewFacts.Families(id, facts)).ToList()) : null;
        return new RoundOverview(round.Id, round.Name, round.SchoolId, round.Status, facts.Bookings.Count > 0, list, counts, groups)
        {
            CanBookForFamilies = round.Status == RoundStatus.Published && round.Mode == Rounds.RoundMode.SelfBooking
                                 && await access.MayAsync(Resource.Rounds, Act.Change, Target.School(round.SchoolId), ct),
        };
    }

    private System.Linq.Expressions.Expression<Func<Enrollment, bool>> MustSeeOpen(Guid roundId) =>
        e => db.MustSeeMarks.Any(m => m.RoundId == roundId && m.StudentId == e.StudentId && m.Active
                                      && !db.Bookings.Any(b => b.RoundId == roundId && b.StudentId == e.StudentId && b.StaffMemberId == m.StaffMemberId
                                                               && b.Status != BookingStatus.Cancelled));

    private static OverviewStudent Student(ListedStudent s, OverviewFacts.Facts facts, Func<Guid, bool> mayOpen) =>
        new(s.Id, s.Name, OverviewFacts.Families(s.Id, facts)
            .Select(f => f with { Bookings = f.Bookings.Select(b => b with { CanOpen = mayOpen(b.StaffMemberId) }).ToList() }).ToList());

    /// <summary>Per group shown: which teachers' bookings the reader may open (the booking page's own check, decided per group).</summary>
    private async Task<Dictionary<Guid, Func<Guid, bool>>> MayOpenPerGroupAsync(ConversationRound round, List<Guid> groupIds, CancellationToken ct)
    {
        var groups = await access.GroupFactsAsync(groupIds, ct);
        var result = new Dictionary<Guid, Func<Guid, bool>>();
        foreach (var g in groups.Values)
        {
            result[g.Id] = await BookingOwner.StaffMayOpenAsync(db, access, g, ct);
        }
        return result;
    }

    private static OverviewCounts Count(IReadOnlyList<List<OverviewFamily>> students)
    {
        var families = students.SelectMany(s => s).ToList();
        var notReached = families.Where(f => f.State == FamilyState.NotReached).ToList();
        return new OverviewCounts(students.Count, families.Count,
            families.Count(f => f.State != FamilyState.NotReached),
            families.Count(f => f.State == FamilyState.Came),
            families.Count(f => f.State == FamilyState.NoShow),
            families.SelectMany(f => f.Bookings).Count(b => b.Status == BookingStatus.Held && b.StudentPresent == true),
            notReached.Count, notReached.Count(f => !f.HasEmail));
    }
}
