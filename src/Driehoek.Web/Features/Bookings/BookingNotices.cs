using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// Tells a household what happened to its booking, by e-mail through the outbox, in each guardian's own
/// language. Call before the caller's SaveChanges: the e-mails commit with the change or not at all.
/// </summary>
public sealed class BookingNotices(AppDbContext db, Outbox outbox, IStringLocalizer<BookingsText> text, IConfiguration config, TimeProvider clock)
{
    public enum Kind
    {
        Confirmed,
        Moved,
        Cancelled,
        CancelledBySchool,
        MovedBySchool,
        Reminder,
    }

    /// <summary>The confirmation of a booking whose names the caller already read (a family booking: its checks read them).</summary>
    public async Task ConfirmedAsync(Booking booking, About about, CancellationToken ct) => Send(booking, Kind.Confirmed, await FactsAsync(booking, about, ct), null);

    /// <summary>
    /// The same notice for many bookings of one school at once (a published schedule, a cancelled round):
    /// children, teachers, places and recipients are read in five queries for all of them, not two per booking.
    /// </summary>
    public async Task SendAsync(IReadOnlyList<Booking> bookings, Kind kind, CancellationToken ct)
    {
        if (bookings.Count == 0)
        {
            return;
        }
        var schoolId = bookings[0].SchoolId;
        var studentIds = bookings.Select(b => b.StudentId).Distinct().ToList();
        var staffIds = bookings.Select(b => b.StaffMemberId).Distinct().ToList();
        var slotIds = bookings.Where(b => b.SlotId is not null).Select(b => b.SlotId!.Value).Distinct().ToList();
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var children = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var teachers = (await db.StaffMembers.AsNoTracking().Where(m => staffIds.Contains(m.Id))
                .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName));
        var places = (await db.Slots.AsNoTracking().Where(s => slotIds.Contains(s.Id)).Select(s => new { s.Id, s.Room, s.VideoLink }).ToListAsync(ct))
            .ToDictionary(s => s.Id);
        var contacts = (await FamilyContacts.Of(db, schoolId, LimitedGuardianAccess.ConversationRounds)
                .Where(c => studentIds.Contains(c.StudentId) && c.Email != null)
                .ToListAsync(ct))
            .ToLookup(c => (c.StudentId, c.HouseholdId));
        foreach (var booking in bookings)
        {
            var place = booking.SlotId is { } slotId ? places.GetValueOrDefault(slotId) : null;
            var guardians = contacts[(booking.StudentId, booking.HouseholdId)].DistinctBy(c => c.GuardianId)
                .Select(c => new Recipient(c.FirstName, c.Email!, c.Language)).ToList();
            var about = new About(children[booking.StudentId], teachers[booking.StaffMemberId], place?.Room, place?.VideoLink, school, guardians);
            Send(booking, kind, await FactsAsync(booking, about, ct), null);
        }
    }

    /// <param name="staffMessage">What staff who moved or cancelled want to tell the family; plain text, added under the notice.</param>
    public async Task SendAsync(Booking booking, Kind kind, CancellationToken ct, string? staffMessage = null) =>
        Send(booking, kind, await FactsAsync(booking, ct), staffMessage);

    private void Send(Booking booking, Kind kind, Facts facts, string? staffMessage)
    {
        foreach (var guardian in facts.Guardians)
        {
            using var _ = CultureScope.Use(guardian.Language);
            var when = SchoolCalendar.ToLocal(booking.StartsAt);
            var body = text["Notice." + kind + ".Body", guardian.Name, facts.Student, facts.Teacher, when.ToString("dddd d MMMM yyyy"),
                when.ToString("HH:mm"), facts.Place ?? "", Link(booking)].Value;
            if (staffMessage is not null)
            {
                body += "\n\n" + text["Notice.StaffMessage", staffMessage].Value;
            }
            outbox.Email(new EmailMessage(guardian.Email, text["Notice." + kind + ".Subject", facts.Student, when.ToString("d MMM HH:mm")],
                body, guardian.Language, BookingCalendar.AttachmentFor(booking, kind, facts, Link(booking), clock.GetUtcNow().UtcDateTime),
                AppLinks.Account(config)));
        }
    }

    public sealed record Recipient(string Name, string Email, string Language);

    public sealed record Facts(string Student, string Teacher, string? Place, string SchoolName, IReadOnlyList<Recipient> Guardians);

    /// <summary>The child's first name, the teacher's name, the slot's room and video link, the school's name and, when the caller read them, the recipients.</summary>
    public sealed record About(string Student, string Teacher, string? Room, string? VideoLink, string SchoolName, IReadOnlyList<Recipient>? Guardians = null);

    public async Task<Facts> FactsAsync(Booking booking, CancellationToken ct)
    {
        // Child, school, teacher and place in one round trip: every move and cancellation asks.
        var about = await (
                from student in db.Students.AsNoTracking()
                where student.Id == booking.StudentId
                join school in db.Schools on student.SchoolId equals school.Id
                from teacher in db.StaffMembers.Where(m => m.Id == booking.StaffMemberId)
                from slot in db.Slots.Where(s => s.Id == booking.SlotId).DefaultIfEmpty()
                select new
                {
                    student.FirstName, School = school.Name,
                    Teacher = new { teacher.FirstName, teacher.LastNamePrefix, teacher.LastName },
                    Room = slot != null ? slot.Room : null, VideoLink = slot != null ? slot.VideoLink : null,
                })
            .SingleAsync(ct);
        return await FactsAsync(booking, new About(about.FirstName, PersonName.Format(about.Teacher.FirstName, about.Teacher.LastNamePrefix, about.Teacher.LastName),
            about.Room, about.VideoLink, about.School), ct);
    }

    private async Task<Facts> FactsAsync(Booking booking, About about, CancellationToken ct)
    {
        var guardians = about.Guardians ?? (await FamilyContacts.Of(db, booking.SchoolId, LimitedGuardianAccess.ConversationRounds)
                .Where(c => c.StudentId == booking.StudentId && c.HouseholdId == booking.HouseholdId && c.Email != null)
                .ToListAsync(ct))
            .DistinctBy(c => c.GuardianId).Select(c => new Recipient(c.FirstName, c.Email!, c.Language)).ToList();
        var place = booking.Mode == MeetingMode.Video ? about.VideoLink : about.Room;
        return new Facts(about.Student, about.Teacher, place, about.SchoolName, guardians);
    }

    /// <summary>A staff message as it goes into a notice: trimmed, null when empty; too long is refused, not cut.</summary>
    public static Result<string?> StaffMessage(string? message, Actor actor)
    {
        var trimmed = actor == Actor.Staff && !string.IsNullOrWhiteSpace(message) ? message.Trim() : null;
        return trimmed is { Length: > BookingRules.MaxTopicsLength }
            ? Result<string?>.Invalid(new FieldError("message", "Booking.TopicsTooLong", BookingRules.MaxTopicsLength))
            : trimmed;
    }

    public string Link(Booking booking) => $"{AppLinks.BaseUrl(config)}/bookings/{booking.Id}";
}
