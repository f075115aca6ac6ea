using Driehoek.Web.Features.Home;
using Driehoek.Web.Features.Organisation;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>
/// Puts invitations on the home pages' "coming up": for parents, rounds they cannot book yet (the school
/// plans them, or booking has not opened; once it opens the booking agenda's "choose a time" says it);
/// for students, the rounds to prepare for.
/// </summary>
public sealed class RoundInvitationAgenda(AppDbContext db, TimeProvider clock, IStringLocalizer<RoundFamilyText> text,
    IStringLocalizer<TakingPart.TakingPartFamilyText> takingPart) : IAgendaSource
{
    public async Task<IReadOnlyList<AgendaItem>> ForUserAsync(AccessProfile profile, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(SchoolCalendar.ToLocal(now));
        var items = new List<AgendaItem>();
        var households = profile.Children.Values.Where(c => c.HouseholdId is not null).Select(c => c.HouseholdId!.Value).Distinct().ToList();
        if (households.Count > 0)
        {
            var children = profile.Children.Keys.ToList();
            var invitations = await db.RoundInvitations.AsNoTracking()
                .Where(i => households.Contains(i.HouseholdId) && children.Contains(i.StudentId))
                .Join(db.Rounds.Where(r => r.Status == RoundStatus.Published && r.LastDay >= today
                                           && (r.Mode == RoundMode.Requests || r.BookingOpensAt > now)),
                    i => i.RoundId, r => r.Id, (i, r) => new { r.Id, r.Name, r.FirstDay, i.StudentId })
                .Join(db.Students, x => x.StudentId, s => s.Id, (x, s) => new { x.Id, x.Name, x.FirstDay, x.StudentId, s.FirstName })
                .ToListAsync(ct);
            items.AddRange(invitations.DistinctBy(i => (i.Id, i.StudentId)).Select(i => new AgendaItem(Start(i.FirstDay),
                text["Agenda.Invitation", i.Name, i.FirstName], null, InvitationWording.InvitationPath(i.Id, i.StudentId), i.StudentId)));
        }
        foreach (var studentId in profile.OwnStudentIds)
        {
            var rounds = await db.Rounds.AsNoTracking()
                .Where(r => r.Status == RoundStatus.Published && r.LastDay >= today)
                .Where(r => db.RoundGroups.Where(g => g.RoundId == r.Id)
                    .Join(db.Enrollments, g => g.GroupId, e => e.GroupId, (g, e) => e.StudentId).Any(id => id == studentId))
                .Select(r => new { r.Id, r.Name, r.FirstDay, r.Form }).ToListAsync(ct);
            foreach (var r in rounds)
            {
                // A three-way conversation held without the student: they hear so, and are not asked to prepare.
                var without = r.Form == ConversationForm.ThreeWay
                    && (await TakingPart.StudentTakesPart.OfStudentsAsync(db, r.Id, [studentId], ct))[studentId] is { TakesPart: false };
                items.Add(without
                    ? new AgendaItem(Start(r.FirstDay), takingPart["Agenda.NotExpected", r.Name], null, InvitationWording.InvitationPath(r.Id, studentId), studentId)
                    : new AgendaItem(Start(r.FirstDay), text["Agenda.Prepare", r.Name], null, InvitationWording.PreparePath(r.Id, studentId), studentId));
            }
        }
        return items;
    }

    private static DateTime Start(DateOnly day) => SchoolCalendar.ToUtc(day.ToDateTime(new TimeOnly(8, 0)));
}
