using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// A family's "coming up": its booked conversations, and rounds of its children that are open for
/// booking where it has not booked yet.
/// </summary>
public sealed class BookingAgenda(AppDbContext db, TimeProvider clock, IStringLocalizer<BookingsText> text) : Home.IAgendaSource
{
    public async Task<IReadOnlyList<Home.AgendaItem>> ForUserAsync(AccessProfile profile, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<Home.AgendaItem>();
        // A guardian without parental authority sees the rounds only where the school allows it.
        var children = await FamilyContacts.LinksToldAsync(db, profile, Organisation.LimitedGuardianAccess.ConversationRounds, ct);
        var households = children.Where(c => c.HouseholdId is not null).Select(c => c.HouseholdId!.Value).Distinct().ToList();
        var studentIds = children.Select(c => c.StudentId).ToList();
        if (studentIds.Count > 0)
        {
            var bookings = await db.Bookings.AsNoTracking()
                .Where(b => households.Contains(b.HouseholdId) && b.ActiveSlotId != null && b.EndsAt > now)
                .Join(db.Students, b => b.StudentId, s => s.Id, (b, s) => new { b.Id, b.StartsAt, s.FirstName, b.StaffMemberId })
                .Join(db.StaffMembers, x => x.StaffMemberId, m => m.Id,
                    (x, m) => new { x.Id, x.StartsAt, x.FirstName, TeacherFirst = m.FirstName, m.LastNamePrefix, m.LastName })
                .ToListAsync(ct);
            items.AddRange(bookings.Select(b => new Home.AgendaItem(b.StartsAt,
                text["Agenda.Booking", b.FirstName, PersonName.Format(b.TeacherFirst, b.LastNamePrefix, b.LastName)], null, $"/bookings/{b.Id}", null)));

            var open = await db.Rounds.AsNoTracking()
                .Where(r => r.Status == RoundStatus.Published && r.Mode == RoundMode.SelfBooking && r.BookingOpensAt <= now && r.BookingClosesAt > now)
                .Where(r => db.RoundGroups.Where(g => g.RoundId == r.Id)
                    .Join(db.Enrollments, g => g.GroupId, e => e.GroupId, (g, e) => e.StudentId).Any(id => studentIds.Contains(id)))
                .Where(r => !db.Bookings.Any(b => b.RoundId == r.Id && households.Contains(b.HouseholdId) && b.ActiveSlotId != null))
                .Join(db.Schools, r => r.SchoolId, s => s.Id, (r, s) => new { r.Id, r.Name, r.BookingClosesAt, School = s.Name })
                .ToListAsync(ct);
            items.AddRange(open.Select(r => new Home.AgendaItem(r.BookingClosesAt, text["Agenda.BookBefore", r.Name], r.School, InvitationWording.BookPath(r.Id), null)));
        }
        items.AddRange(await StaffItemsAsync(profile, now, ct));
        return items;
    }

    /// <summary>For staff: the rounds of their schools still to come, where they give their times and see their bookings.</summary>
    private async Task<IEnumerable<Home.AgendaItem>> StaffItemsAsync(AccessProfile profile, DateTime now, CancellationToken ct)
    {
        var schools = profile.StaffSchoolIds.ToList();
        if (schools.Count == 0)
        {
            return [];
        }
        var today = DateOnly.FromDateTime(Organisation.SchoolCalendar.ToLocal(now));
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => schools.Contains(r.SchoolId) && r.Status != RoundStatus.Cancelled && r.LastDay >= today)
            .OrderBy(r => r.FirstDay).Select(r => new { r.Id, r.Name, r.FirstDay }).ToListAsync(ct);
        return rounds.Select(r => new Home.AgendaItem(Organisation.SchoolCalendar.ToUtc(r.FirstDay.ToDateTime(new TimeOnly(8, 0))),
            text["Agenda.Round", r.Name], null, $"/rounds/{r.Id}", null));
    }
}
