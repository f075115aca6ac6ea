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

    public Task ConfirmedAsync(Booking booking, CancellationToken ct) => SendAsync(booking, Kind.Confirmed, ct);

    public async Task SendAsync(Booking booking, Kind kind, CancellationToken ct)
    {
        var facts = await FactsAsync(booking, ct);
        foreach (var guardian in facts.Guardians)
        {
            using var _ = CultureScope.Use(guardian.Language);
            var when = SchoolCalendar.ToLocal(booking.StartsAt);
            var body = text["Notice." + kind + ".Body", guardian.Name, facts.Student, facts.Teacher, when.ToString("dddd d MMMM yyyy"),
                when.ToString("HH:mm"), facts.Place ?? "", Link(booking)];
            outbox.Email(new EmailMessage(guardian.Email, text["Notice." + kind + ".Subject", facts.Student, when.ToString("d MMM HH:mm")],
                body, guardian.Language, BookingCalendar.AttachmentFor(booking, kind, facts, Link(booking), clock.GetUtcNow().UtcDateTime)));
        }
    }

    public sealed record Recipient(string Name, string Email, string Language);

    public sealed record Facts(string Student, string Teacher, string? Place, string SchoolName, IReadOnlyList<Recipient> Guardians);

    public async Task<Facts> FactsAsync(Booking booking, CancellationToken ct)
    {
        var student = await db.Students.AsNoTracking().Where(s => s.Id == booking.StudentId)
            .Join(db.Schools, s => s.SchoolId, school => school.Id, (s, school) => new { s.FirstName, School = school.Name, school.LimitedGuardianAccess })
            .SingleAsync(ct);
        var teacher = await db.StaffMembers.AsNoTracking().Where(m => m.Id == booking.StaffMemberId)
            .Select(m => new { m.FirstName, m.LastNamePrefix, m.LastName }).SingleAsync(ct);
        var slot = booking.SlotId is null ? null : await db.Slots.AsNoTracking().Where(s => s.Id == booking.SlotId)
            .Select(s => new { s.Room, s.VideoLink }).FirstOrDefaultAsync(ct);
        var allowLimited = student.LimitedGuardianAccess.HasFlag(LimitedGuardianAccess.ConversationRounds);
        var guardians = await db.Guardianships.AsNoTracking()
            .Where(x => x.StudentId == booking.StudentId && (x.HasParentalAuthority || allowLimited))
            .Join(db.Guardians.Where(g => g.HouseholdId == booking.HouseholdId && g.Email != null), x => x.GuardianId, g => g.Id,
                (x, g) => new Recipient(g.FirstName, g.Email!, g.PreferredLanguage))
            .ToListAsync(ct);
        var place = booking.Mode == MeetingMode.Video ? slot?.VideoLink : slot?.Room;
        return new Facts(student.FirstName, PersonName.Format(teacher.FirstName, teacher.LastNamePrefix, teacher.LastName), place, student.School, guardians);
    }

    public string Link(Booking booking) => $"{(config["App:BaseUrl"] ?? "http://localhost:5000").TrimEnd('/')}/bookings/{booking.Id}";
}
