using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Calendar;

/// <summary>
/// The iCalendar feed behind a secret address: a guardian's household bookings for all their children,
/// a student's own conversations (whichever household booked them), a teacher's own conversations.
/// Cancelled bookings stay in it with STATUS:CANCELLED and their higher SEQUENCE, so a subscribed
/// calendar drops them instead of keeping a stale copy.
/// </summary>
public sealed class FeedCalendar(AppDbContext db, TimeProvider clock, IConfiguration config, IStringLocalizer<CalendarText> text)
{
    /// <summary>How far back the feed goes; calendars keep what they already have.</summary>
    public const int HistoryDays = 90;

    private sealed record Row(Booking Booking, string StudentFirst, string? StudentPrefix, string StudentLast, string TeacherFirst,
        string? TeacherPrefix, string TeacherLast, string School, string? Room, string? VideoLink);

    /// <summary>The calendar text, or null for an unknown token (the endpoint answers 404 and says nothing more).</summary>
    public async Task<string?> HandleAsync(string token, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(token);
        var userId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.UserId).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-HistoryDays);
        var family = await FamilyRowsAsync(userId.Value, since, ct);
        var own = await OwnStudentRowsAsync(userId.Value, since, ct);
        var staff = await StaffRowsAsync(userId.Value, since, ct);
        var language = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredLanguage).SingleAsync(ct);
        using var _ = CultureScope.Use(language);
        var events = family.Select(r => Event(r, r.StudentFirst, $"{Root()}/bookings/{r.Booking.Id}"))
            .Concat(own.Where(r => family.All(f => f.Booking.Id != r.Booking.Id)).Select(r => Event(r, r.StudentFirst, $"{Root()}/student")))
            .Concat(staff.Where(r => family.All(f => f.Booking.Id != r.Booking.Id) && own.All(o => o.Booking.Id != r.Booking.Id)).Select(r => Event(r,
                PersonName.Format(r.StudentFirst, r.StudentPrefix, r.StudentLast),
                $"{Root()}/rounds/{r.Booking.RoundId}/day?date={DateOnly.FromDateTime(SchoolCalendar.ToLocal(r.Booking.StartsAt)):yyyy-MM-dd}")))
            .OrderBy(e => e.StartUtc);
        return IcsWriter.Write("PUBLISH", now, events, calendarName: text["Feed.CalendarName"]);
    }

    private static CalendarEvent Event(Row r, string student, string link) =>
        BookingCalendar.Event(r.Booking, student, PersonName.Format(r.TeacherFirst, r.TeacherPrefix, r.TeacherLast),
            r.Booking.Mode == MeetingMode.Video ? r.VideoLink : r.Room, r.School, link, r.Booking.Status == BookingStatus.Cancelled);

    /// <summary>Each child's bookings of the guardian's own household; a guardian without authority only where the school allows.</summary>
    private async Task<List<Row>> FamilyRowsAsync(Guid userId, DateTime since, CancellationToken ct)
    {
        var allowed = (await FamilyContacts.OfUser(db, userId, LimitedGuardianAccess.ConversationRounds)
                .Where(c => c.HouseholdId != null)
                .Select(c => new { c.StudentId, c.HouseholdId })
                .ToListAsync(ct))
            .Select(l => (l.StudentId, HouseholdId: l.HouseholdId!.Value)).ToHashSet();
        if (allowed.Count == 0)
        {
            return [];
        }
        var students = allowed.Select(a => a.StudentId).Distinct().ToList();
        var households = allowed.Select(a => a.HouseholdId).Distinct().ToList();
        var rows = await RowsAsync(db.Bookings.Where(b => students.Contains(b.StudentId) && households.Contains(b.HouseholdId) && b.EndsAt >= since), ct);
        return rows.Where(r => allowed.Contains((r.Booking.StudentId, r.Booking.HouseholdId))).ToList();
    }

    /// <summary>A student's own conversations: every household's booking about them.</summary>
    private async Task<List<Row>> OwnStudentRowsAsync(Guid userId, DateTime since, CancellationToken ct)
    {
        var studentIds = await db.Students.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct);
        return studentIds.Count == 0 ? [] : await RowsAsync(db.Bookings.Where(b => studentIds.Contains(b.StudentId) && b.EndsAt >= since), ct);
    }

    private async Task<List<Row>> StaffRowsAsync(Guid userId, DateTime since, CancellationToken ct)
    {
        var staffIds = await db.StaffMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.Id).ToListAsync(ct);
        return staffIds.Count == 0 ? [] : await RowsAsync(db.Bookings.Where(b => staffIds.Contains(b.StaffMemberId) && b.EndsAt >= since), ct);
    }

    private Task<List<Row>> RowsAsync(IQueryable<Booking> bookings, CancellationToken ct) =>
        bookings.AsNoTracking()
            .Join(db.Students, b => b.StudentId, s => s.Id, (b, s) => new { b, s })
            .Join(db.StaffMembers, x => x.b.StaffMemberId, m => m.Id, (x, m) => new { x.b, x.s, m })
            .Join(db.Schools, x => x.b.SchoolId, school => school.Id, (x, school) => new Row(x.b,
                x.s.FirstName, x.s.LastNamePrefix, x.s.LastName, x.m.FirstName, x.m.LastNamePrefix, x.m.LastName, school.Name,
                db.Slots.Where(sl => sl.Id == x.b.SlotId).Select(sl => sl.Room).FirstOrDefault(),
                db.Slots.Where(sl => sl.Id == x.b.SlotId).Select(sl => sl.VideoLink).FirstOrDefault()))
            .ToListAsync(ct);

    private string Root() => AppLinks.BaseUrl(config);
}
