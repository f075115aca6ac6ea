using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Jobs;

namespace Driehoek.Web.Features.Rounds;

public sealed record TeacherAvailability(Guid StaffMemberId, string Name, int Slots, int Booked);

public sealed record RoundSummary(ConversationRound Round, string SchoolName, bool CanManage, Guid? OwnStaffMemberId,
    IReadOnlyList<(Guid Id, string Name)> Groups, IReadOnlyList<TeacherAvailability> Teachers, int Students, int BookedStudents,
    RoundPublishing? Publishing = null, RoundLinks? Links = null);

/// <summary>Which of the round's staff lists the reader may open: a page links only to what its reader may see.</summary>
public sealed record RoundLinks(bool Overview, bool Letters, bool Preparations);

/// <summary>A round for its school's staff: settings, groups, teachers' availability, how far booking is.</summary>
public sealed class GetRound(AppDbContext db, Access access, JobQueue jobs)
{
    public async Task<Result<RoundSummary>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var round = await RoundAccess.VisibleToStaffAsync(db, access, roundId, ct);
        if (round is null)
        {
            return Result<RoundSummary>.NotFound();
        }
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var groups = await db.RoundGroups.AsNoTracking().Where(g => g.RoundId == roundId)
            .Join(db.Groups, rg => rg.GroupId, g => g.Id, (rg, g) => new { g.Id, g.Name, g.Level })
            .OrderBy(g => g.Level).ThenBy(g => g.Name).ToListAsync(ct);
        var teachers = await db.RoundGroups.AsNoTracking().Where(g => g.RoundId == roundId)
            .Join(db.StaffAssignments, g => g.GroupId, a => a.GroupId, (g, a) => a.StaffMemberId).Distinct()
            .Join(db.StaffMembers, id => id, m => m.Id, (id, m) => new
            {
                m.Id, m.FirstName, m.LastNamePrefix, m.LastName,
                Slots = db.Slots.Count(s => s.RoundId == roundId && s.StaffMemberId == m.Id),
                Booked = db.Bookings.Count(b => b.RoundId == roundId && b.StaffMemberId == m.Id && b.ActiveSlotId != null),
            })
            .ToListAsync(ct);
        var students = await RoundAccess.StudentIds(db, roundId).Distinct().CountAsync(ct);
        var booked = await db.Bookings.Where(b => b.RoundId == roundId && b.ActiveSlotId != null).Select(b => b.StudentId).Distinct().CountAsync(ct);
        var own = await db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == round.SchoolId && m.UserId == access.UserId && m.UserId != null)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        return new RoundSummary(round, school, await access.MayAsync(Resource.Rounds, Act.Change, Target.School(round.SchoolId), ct), own,
            groups.Select(g => (g.Id, g.Name)).ToList(),
            teachers.Select(t => new TeacherAvailability(t.Id, PersonName.Format(t.FirstName, t.LastNamePrefix, t.LastName), t.Slots, t.Booked))
                .OrderBy(t => t.Name).ToList(),
            students, booked, round.Status == RoundStatus.Published ? await RoundInvitationJob.StatusAsync(jobs, roundId, ct) : null,
            new RoundLinks(await AnyGroupAsync(round, Resource.RoundOverview, ct), await AnyGroupAsync(round, Resource.Letters, ct),
                await AnyGroupAsync(round, Resource.Preparations, ct)));
    }

    /// <summary>The lists' own check (<see cref="StudentListing"/>): they open when the reader may see at least one of the round's groups.</summary>
    private async Task<bool> AnyGroupAsync(ConversationRound round, Resource resource, CancellationToken ct) =>
        (await PreparationAccess.StaffGroupsAsync(db, access, round, resource, ct)).Count > 0;
}
