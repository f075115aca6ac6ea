using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.People;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Feedback;

/// <summary>
/// On the "coming up" of a parent, a student and a teacher: each held conversation they took part in that still
/// takes their tops and tips and has none from them yet, linking to the feedback page.
/// </summary>
public sealed class FeedbackAgenda(AppDbContext db, TimeProvider clock, IStringLocalizer<FeedbackText> text) : Home.IAgendaSource
{
    private const int Most = 10;

    public async Task<IReadOnlyList<Home.AgendaItem>> ForUserAsync(AccessProfile profile, CancellationToken ct)
    {
        if (profile.UserId is not { } userId || (!profile.IsGuardian && !profile.IsStudent && !profile.IsStaff))
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-ConversationFeedback.OpenDays);
        var households = profile.Children.Values.Where(c => c.HouseholdId is not null).Select(c => (c.StudentId, c.HouseholdId!.Value)).ToList();
        var children = households.Select(h => h.StudentId).ToList();
        var own = profile.OwnStudentIds.ToList();
        var staff = profile.Staff.Select(s => s.StaffMemberId).Distinct().ToList();
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Held && b.EndsAt >= since)
            .Where(b => children.Contains(b.StudentId) || (own.Contains(b.StudentId) && b.StudentPresent == true) || staff.Contains(b.StaffMemberId))
            .Where(b => !db.ConversationFeedback.Any(f => f.BookingId == b.Id && f.UserId == userId))
            .Join(db.Students, b => b.StudentId, s => s.Id, (b, s) => new { b.Id, b.StudentId, b.HouseholdId, b.StaffMemberId, b.EndsAt, s.FirstName })
            .OrderByDescending(b => b.EndsAt).Take(Most * 3)
            .ToListAsync(ct);
        // A parent's own household only: a separated parent is not asked about the other household's conversation.
        return held.Where(b => staff.Contains(b.StaffMemberId) || own.Contains(b.StudentId) || households.Contains((b.StudentId, b.HouseholdId)))
            .Take(Most)
            .Select(b => new Home.AgendaItem(b.EndsAt, text["Agenda.Item", b.FirstName], text["Agenda.Detail"], FeedbackPath(b.Id), b.StudentId))
            .ToList();
    }

    public static string FeedbackPath(Guid bookingId) => $"/bookings/{bookingId}/feedback";
}
