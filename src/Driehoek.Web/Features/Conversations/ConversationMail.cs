using System.Globalization;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Conversations;

/// <summary>
/// Tells the family about a conversation outside the rounds, by e-mail through the outbox, each guardian in
/// their own language. Guardians without parental authority are told only where the school lets them take
/// part in conversations (<see cref="LimitedGuardianAccess.ConversationRounds"/>: a planned conversation is
/// a conversation like those in a round, not an outcome). Each address once. Call before SaveChanges.
/// </summary>
public sealed class ConversationMail(AppDbContext db, Outbox outbox, IStringLocalizer<ConversationsText> text, IConfiguration config, TimeProvider clock)
{
    /// <param name="people">Who will be there, as the family reads it (the participants are not saved yet).</param>
    public async Task InvitedAsync(PlannedConversation c, IReadOnlyList<PlannedConversationTime> times, IReadOnlyList<string> people, CancellationToken ct)
    {
        var facts = await FactsAsync(c, ct);
        foreach (var to in facts.Recipients)
        {
            using var _ = CultureScope.Use(to.Language);
            var who = string.Join("\n", people.Select(p => "- " + p));
            outbox.Email(new EmailMessage(to.Email, text["Mail.Invited.Subject", facts.Student],
                text["Mail.Invited.Body", to.Name, facts.Student, c.Purpose, who, Lines(times), Link(c), facts.School], to.Language,
                UnsubscribeUrl: AppLinks.Account(config)));
        }
    }

    /// <summary>Staff propose other times (after "another time", or to move a chosen one); a chosen time leaves the family's calendar.</summary>
    public async Task NewTimesAsync(PlannedConversation c, IReadOnlyList<PlannedConversationTime> times, PlannedConversationTime? dropped, CancellationToken ct)
    {
        var facts = await FactsAsync(c, ct);
        foreach (var to in facts.Recipients)
        {
            using var _ = CultureScope.Use(to.Language);
            outbox.Email(new EmailMessage(to.Email, text["Mail.NewTimes.Subject", facts.Student],
                text["Mail.NewTimes.Body", to.Name, facts.Student, c.StaffMessage ?? "", Lines(times), Link(c), facts.School], to.Language,
                CancelCalendar(c, dropped, facts.Student), AppLinks.Account(config)));
        }
    }

    /// <summary>Staff called the conversation off, with their message; a chosen time leaves the family's calendar.</summary>
    public async Task CancelledAsync(PlannedConversation c, PlannedConversationTime? chosen, CancellationToken ct)
    {
        var facts = await FactsAsync(c, ct);
        foreach (var to in facts.Recipients)
        {
            using var _ = CultureScope.Use(to.Language);
            var was = chosen is null ? "" : text["Mail.Cancelled.Was", When(chosen)].Value + "\n\n";
            outbox.Email(new EmailMessage(to.Email, text["Mail.Cancelled.Subject", facts.Student],
                text["Mail.Cancelled.Body", to.Name, facts.Student, was, c.CancelReason ?? "", Link(c), facts.School], to.Language,
                CancelCalendar(c, chosen, facts.Student), AppLinks.Account(config)));
        }
    }

    public async Task AcceptedAsync(PlannedConversation c, PlannedConversationTime time, CancellationToken ct)
    {
        var facts = await FactsAsync(c, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var to in facts.Recipients)
        {
            using var _ = CultureScope.Use(to.Language);
            var summary = text["Mail.Calendar.Summary", facts.Student].Value;
            var ics = IcsWriter.Write("PUBLISH", now,
                [new CalendarEvent(c.Id, c.Revision, time.StartsAt, time.StartsAt.AddMinutes(time.Minutes), summary, time.Place, c.Purpose, Link(c), false)]);
            outbox.Email(new EmailMessage(to.Email, text["Mail.Accepted.Subject", facts.Student, When(time)],
                text["Mail.Accepted.Body", to.Name, facts.Student, When(time), time.Place ?? "", Link(c), facts.School], to.Language,
                [new EmailAttachment("gesprek.ics", "text/calendar; method=PUBLISH", ics)], AppLinks.Account(config)));
        }
    }

    /// <summary>Staff answered a request with a message: the one who asked hears it in their language (a guardian's language on file, a student's own).</summary>
    public async Task RepliedAsync(ConversationWish wish, CancellationToken ct)
    {
        var about = await (from s in db.Students.AsNoTracking()
                           where s.Id == wish.StudentId
                           join school in db.Schools on s.SchoolId equals school.Id
                           select new { s.FirstName, School = school.Name }).SingleAsync(ct);
        var guardian = await FamilyContacts.Of(db, wish.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(x => x.StudentId == wish.StudentId && x.UserId == wish.AskedByUserId && x.Email != null).FirstOrDefaultAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == wish.AskedByUserId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage }).SingleOrDefaultAsync(ct);
        var to = guardian is not null ? new Recipient(guardian.FirstName, guardian.Email!, guardian.Language)
            : string.IsNullOrWhiteSpace(user?.Email) ? null
            : new Recipient(wish.AskedByStudent ? about.FirstName : user.DisplayName, user.Email, Cultures.Normalize(user.PreferredLanguage));
        if (to is null)
        {
            return;
        }
        using var _ = CultureScope.Use(to.Language);
        outbox.Email(new EmailMessage(to.Email, text["Mail.Replied.Subject", about.FirstName],
            text["Mail.Replied.Body", to.Name, wish.Reason, wish.Reply ?? "", $"{AppLinks.BaseUrl(config)}/children/{wish.StudentId}/conversations", about.School],
            to.Language, UnsubscribeUrl: AppLinks.Account(config)));
    }

    private IReadOnlyList<EmailAttachment>? CancelCalendar(PlannedConversation c, PlannedConversationTime? time, string student)
    {
        if (time is null)
        {
            return null;
        }
        var ics = IcsWriter.Write("CANCEL", clock.GetUtcNow().UtcDateTime,
            [new CalendarEvent(c.Id, c.Revision, time.StartsAt, time.StartsAt.AddMinutes(time.Minutes), text["Mail.Calendar.Summary", student].Value,
                time.Place, c.Purpose, Link(c), true)]);
        return [new EmailAttachment("gesprek.ics", "text/calendar; method=CANCEL", ics)];
    }

    private static string Lines(IEnumerable<PlannedConversationTime> times) =>
        string.Join("\n", times.Select(t => "- " + When(t) + (t.Place is null ? "" : " · " + t.Place)));

    public static string When(PlannedConversationTime t)
    {
        var local = SchoolCalendar.ToLocal(t.StartsAt);
        return local.ToString("dddd d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) + "–" + local.AddMinutes(t.Minutes).ToString("HH:mm", CultureInfo.CurrentCulture);
    }

    public string Link(PlannedConversation c) => $"{AppLinks.BaseUrl(config)}/children/{c.StudentId}/conversations";

    private sealed record Recipient(string Name, string Email, string Language);

    private sealed record Facts(string Student, string School, IReadOnlyList<Recipient> Recipients);

    private async Task<Facts> FactsAsync(PlannedConversation c, CancellationToken ct)
    {
        var about = await (from s in db.Students.AsNoTracking()
                           where s.Id == c.StudentId
                           join school in db.Schools on s.SchoolId equals school.Id
                           select new { s.FirstName, School = school.Name }).SingleAsync(ct);
        var recipients = (await FamilyContacts.Of(db, c.SchoolId, LimitedGuardianAccess.ConversationRounds)
                .Where(x => x.StudentId == c.StudentId && x.Email != null).ToListAsync(ct))
            .DistinctBy(x => x.Email!.Trim().ToLowerInvariant()).Select(x => new Recipient(x.FirstName, x.Email!, x.Language)).ToList();
        return new Facts(about.FirstName, about.School, recipients);
    }
}
