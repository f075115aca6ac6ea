using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.MustSee;

/// <summary>
/// The personal invitation of a must-see family: "the teacher would especially like to speak with you", to
/// each household of the child that has not booked with that teacher yet, to every guardian with an address
/// in their own language (<see cref="FamilyContacts"/> decides who is told). Never the reason. The caller saves:
/// the mark's <see cref="MustSeeMark.InvitedAt"/> and the mails commit together, so no family is told twice.
/// </summary>
public sealed class MustSeeInvitations(AppDbContext db, Outbox outbox, IStringLocalizer<MustSeeFamilyText> text, IConfiguration config, TimeProvider clock)
{
    public async Task SendAsync(ConversationRound round, IReadOnlyList<MustSeeMark> marks, CancellationToken ct)
    {
        if (round.Status != RoundStatus.Published || marks.Count == 0)
        {
            return;
        }
        var studentIds = marks.Select(m => m.StudentId).Distinct().ToList();
        var staffIds = marks.Select(m => m.StaffMemberId).Distinct().ToList();
        var contacts = await FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => studentIds.Contains(c.StudentId) && c.HouseholdId != null && c.Email != null).ToListAsync(ct);
        var booked = (await db.Bookings.AsNoTracking()
                .Where(b => b.RoundId == round.Id && studentIds.Contains(b.StudentId) && b.Status != BookingStatus.Cancelled)
                .Select(b => new { b.StudentId, b.HouseholdId, b.StaffMemberId }).ToListAsync(ct))
            .Select(b => (b.StudentId, b.HouseholdId, b.StaffMemberId)).ToHashSet();
        var children = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var teachers = (await db.StaffMembers.AsNoTracking().Where(m => staffIds.Contains(m.Id))
                .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName));
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var mark in marks)
        {
            foreach (var guardian in contacts.Where(c => c.StudentId == mark.StudentId
                                                         && !booked.Contains((c.StudentId, c.HouseholdId!.Value, mark.StaffMemberId)))
                         .DistinctBy(c => c.GuardianId))
            {
                outbox.Email(Mail(round, school, children[mark.StudentId], teachers[mark.StaffMemberId], guardian));
            }
            mark.InvitedAt = now;
        }
    }

    private EmailMessage Mail(ConversationRound round, string school, string child, string teacher, FamilyContact guardian)
    {
        using var _ = CultureScope.Use(guardian.Language);
        var link = AppLinks.BaseUrl(config) + InvitationWording.InvitationPath(round.Id, guardian.StudentId);
        var body = text["Mail.Body", guardian.Name, teacher, child, round.Name, link, school].Value;
        return new EmailMessage(guardian.Email!, text["Mail.Subject", teacher, child], body, guardian.Language);
    }
}

/// <summary>Publishing a round sends the personal invitations of the families marked while it was a draft, in the same save.</summary>
public sealed class MustSeePublication(AppDbContext db, MustSeeInvitations invitations) : IRoundPublication
{
    public async Task PublishedAsync(ConversationRound round, CancellationToken ct)
    {
        var waiting = await db.MustSeeMarks.Where(m => m.RoundId == round.Id && m.Active && m.InvitedAt == null).ToListAsync(ct);
        await invitations.SendAsync(round, waiting, ct);
    }
}
