using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Interpreters;

/// <summary>
/// Tells the household that an interpreter will be at its conversation, or no longer is: the language only, never who. Through
/// the outbox, before the caller's save, to the guardians the booking notices reach, each in their own language.
/// </summary>
public sealed class InterpreterNotice(BookingNotices notices, Outbox outbox, IStringLocalizer<InterpretersFamilyText> text, IConfiguration config)
{
    public Task SendAsync(Booking booking, CancellationToken ct) => SendAsync(booking, "Mail", ct);

    /// <summary>The interpreter the family was told about is no longer arranged.</summary>
    public Task SendWithdrawnAsync(Booking booking, CancellationToken ct) => SendAsync(booking, "Withdrawn", ct);

    private async Task SendAsync(Booking booking, string kind, CancellationToken ct)
    {
        var facts = await notices.FactsAsync(booking, ct);
        foreach (var guardian in facts.Guardians)
        {
            using var _ = CultureScope.Use(guardian.Language);
            var when = SchoolCalendar.ToLocal(booking.StartsAt);
            var body = text[kind + ".Body", guardian.Name, facts.Teacher, facts.Student, when.ToString("dddd d MMMM yyyy"), when.ToString("HH:mm"),
                booking.InterpreterLanguage ?? "", notices.Link(booking), facts.SchoolName].Value;
            outbox.Email(new EmailMessage(guardian.Email, text[kind + ".Subject", facts.Student], body, guardian.Language, UnsubscribeUrl: AppLinks.Account(config)));
        }
    }
}
