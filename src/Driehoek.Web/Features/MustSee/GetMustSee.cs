using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.MustSee;

/// <summary>One child a teacher meets in the round: marked or not, why, invited, and whether a household booked with the teacher.</summary>
public sealed record MustSeeLine(Guid StudentId, string Name, string Group, bool Marked, string? Reason, DateTime? InvitedAt, bool Booked);

public sealed record MustSeeView(Guid RoundId, string RoundName, RoundStatus Status, Guid StaffMemberId, string StaffName, bool CanChooseStaff,
    IReadOnlyList<StaffChoice> Staff, IReadOnlyList<MustSeeLine> Students, bool OnlyOpen)
{
    public bool CanMark => Status != RoundStatus.Cancelled;
}

/// <summary>
/// A teacher's families of a round to mark as must-see: the children they meet (their group's, or their
/// subject's when the round has subject teachers). A leader picks any teacher of the round.
/// </summary>
public sealed class GetMustSee(AppDbContext db, Access access)
{
    public async Task<Result<MustSeeView>> HandleAsync(Guid roundId, Guid? staffMemberId, bool onlyOpen, CancellationToken ct)
    {
        if (await MustSeeScope.LoadAsync(db, access, roundId, staffMemberId, Act.View, ct) is not var (round, member, manager))
        {
            return Result<MustSeeView>.NotFound();
        }
        var students = await MustSeeScope.StudentsAsync(db, round, member.Id, ct);
        var ids = students.Select(s => s.Id).ToList();
        var marks = await db.MustSeeMarks.AsNoTracking().Where(m => m.RoundId == round.Id && m.StaffMemberId == member.Id && m.Active)
            .ToDictionaryAsync(m => m.StudentId, ct);
        var booked = (await db.Bookings.AsNoTracking()
            .Where(b => b.RoundId == round.Id && b.StaffMemberId == member.Id && b.Status != BookingStatus.Cancelled && ids.Contains(b.StudentId))
            .Select(b => b.StudentId).ToListAsync(ct)).ToHashSet();
        var lines = students
            .Select(s => new MustSeeLine(s.Id, s.Name, s.Group, marks.ContainsKey(s.Id), marks.GetValueOrDefault(s.Id)?.Reason,
                marks.GetValueOrDefault(s.Id)?.InvitedAt, booked.Contains(s.Id)))
            .Where(l => !onlyOpen || (l.Marked && !l.Booked))
            .OrderByDescending(l => l.Marked).ThenBy(l => l.Group).ThenBy(l => l.Name).ToList();
        var staff = manager ? await GetAvailability.TeachersInRoundAsync(db, round, ct) : [];
        return new MustSeeView(round.Id, round.Name, round.Status, member.Id, member.FullName, manager, staff, lines, onlyOpen);
    }
}

/// <summary>The round, the teacher whose families these are, and whether the reader may pick any teacher (a leader).</summary>
internal static class MustSeeScope
{
    public sealed record Pupil(Guid Id, string Name, string Group);

    public static async Task<(ConversationRound Round, StaffMember Member, bool Manager)?> LoadAsync(AppDbContext db, Access access, Guid roundId,
        Guid? staffMemberId, Act act, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }
        var manager = AccessMatrix.Allows(Resource.MustSee, Act.Change, await access.RelationsAsync(Target.School(round.SchoolId), ct));
        var own = access.UserId is { } userId
            ? await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.SchoolId == round.SchoolId && m.UserId == userId, ct)
            : null;
        var staffId = staffMemberId ?? own?.Id;
        var member = staffId is null ? null
            : await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == staffId && m.SchoolId == round.SchoolId, ct);
        if (member is null || !await access.MayAsync(Resource.MustSee, act, Target.StaffMember(member.Id), ct))
        {
            return null;
        }
        return (round, member, manager);
    }

    /// <summary>The children of the round this teacher meets, as the booking page offers them.</summary>
    public static async Task<List<Pupil>> StudentsAsync(AppDbContext db, ConversationRound round, Guid staffMemberId, CancellationToken ct)
    {
        var enrolled = await db.StaffAssignments.AsNoTracking().Where(a => a.StaffMemberId == staffMemberId && a.GroupId != null)
            .Join(db.RoundGroups.Where(g => g.RoundId == round.Id), a => a.GroupId!.Value, g => g.GroupId, (a, g) => g.GroupId)
            .Join(db.Enrollments.Where(e => e.SchoolYearId == round.SchoolYearId), g => g, e => e.GroupId, (g, e) => e)
            .Join(db.Groups, e => e.GroupId, g => g.Id, (e, g) => new { e.StudentId, Group = g.Name })
            .Join(db.Students, x => x.StudentId, s => s.Id, (x, s) => new { s.Id, s.FirstName, s.LastNamePrefix, s.LastName, x.Group })
            .ToListAsync(ct);
        var ids = enrolled.Select(e => e.Id).Distinct().ToList();
        var teachers = await TeachersOfStudent.ForRoundAsync(db, round, ids, ct);
        return enrolled.Where(e => teachers.GetValueOrDefault(e.Id)?.Any(t => t.StaffMemberId == staffMemberId) == true)
            .DistinctBy(e => e.Id)
            .Select(e => new Pupil(e.Id, PersonName.Format(e.FirstName, e.LastNamePrefix, e.LastName), e.Group)).ToList();
    }
}
