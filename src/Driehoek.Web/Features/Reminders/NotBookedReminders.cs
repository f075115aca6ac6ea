using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Reminders;

/// <summary>
/// "You have not booked yet": once per household and round, a set number of hours before booking closes,
/// to every household of a self-booking round without an active booking. The <see cref="RoundReminder"/>
/// row and the e-mails commit together; its unique index makes a second instance's insert fail, so a
/// household hears it once however many instances run.
/// </summary>
public sealed class NotBookedReminders(AppDbContext db, Outbox outbox, IStringLocalizer<BookingsText> text, IConfiguration config)
{
    public const string Kind = "not-booked";

    private sealed record Contact(FamilyContact Guardian, string StudentName);

    public async Task<int> SendAsync(DateTime now, CancellationToken ct)
    {
        var until = now.AddHours(config.GetValue("Reminders:NotBookedHoursBefore", 48));
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Published && r.Mode == RoundMode.SelfBooking
                        && r.BookingOpensAt <= now && r.BookingClosesAt > now && r.BookingClosesAt <= until)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var round in rounds)
        {
            sent += await RemindRoundAsync(round, now, ct);
        }
        return sent;
    }

    private async Task<int> RemindRoundAsync(ConversationRound round, DateTime now, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var students = RoundAccess.StudentIds(db, round.Id);
        var contacts = await FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => students.Contains(c.StudentId) && c.HouseholdId != null)
            .Where(c => !db.Bookings.Any(b => b.RoundId == round.Id && b.HouseholdId == c.HouseholdId && b.ActiveSlotId != null))
            .Where(c => !db.RoundReminders.Any(m => m.RoundId == round.Id && m.HouseholdId == c.HouseholdId && m.Kind == Kind))
            .Join(db.Students, c => c.StudentId, s => s.Id, (c, s) => new Contact(c, s.FirstName))
            .ToListAsync(ct);
        var sent = 0;
        foreach (var household in contacts.GroupBy(c => c.Guardian.HouseholdId!.Value))
        {
            if (await RemindHouseholdAsync(round, school, household.Key, household.ToList(), now, ct))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> RemindHouseholdAsync(ConversationRound round, string schoolName, Guid householdId, List<Contact> contacts, DateTime now, CancellationToken ct)
    {
        var recipients = contacts.Select(c => c.Guardian).Where(c => c.Email is not null).DistinctBy(c => c.GuardianId).ToList();
        if (recipients.Count == 0)
        {
            // No e-mail: the round overview lists this household as "not reached, no e-mail" for the school to phone.
            return false;
        }
        var children = string.Join(", ", contacts.DistinctBy(c => c.Guardian.StudentId).Select(c => c.StudentName).Order(StringComparer.CurrentCulture));
        var link = AppLinks.BaseUrl(config) + InvitationWording.BookPath(round.Id);
        var closes = SchoolCalendar.ToLocal(round.BookingClosesAt);
        db.RoundReminders.Add(new RoundReminder { SchoolId = round.SchoolId, RoundId = round.Id, HouseholdId = householdId, Kind = Kind, SentAt = now });
        foreach (var r in recipients)
        {
            using var _ = CultureScope.Use(r.Language);
            outbox.Email(new EmailMessage(r.Email!, text["Notice.NotBooked.Subject", children],
                text["Notice.NotBooked.Body", r.FirstName, children, round.Name, closes.ToString("dddd d MMMM HH:mm"), link, schoolName], r.Language));
        }
        // False: another instance reminded this household a moment ago; its e-mails are the ones that go.
        return await db.SaveFirstAsync(ct);
    }
}
