using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Handover;

/// <summary>
/// Tells the child's parents with parental authority that the handover was released, each in their language, with the
/// way to read and add to it. Written to the outbox in the caller's unit of work, so it goes out with the release or not at all.
/// </summary>
public sealed class HandoverNotice(AppDbContext db, Outbox outbox, IStringLocalizer<HandoverFamilyText> text, IConfiguration config)
{
    public async Task AddAsync(Guid schoolId, Guid studentId, string teacher, CancellationToken ct)
    {
        // Parental authority only: the school's allowances for parents without it do not open the handover.
        var contacts = await FamilyContacts.Of(db, schoolId, LimitedGuardianAccess.ConversationOutcomes)
            .Where(c => c.StudentId == studentId && c.HasParentalAuthority && c.Email != null).ToListAsync(ct);
        if (contacts.Count == 0)
        {
            return;
        }
        var child = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => s.FirstName).SingleAsync(ct);
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var link = AppLinks.BaseUrl(config) + $"/children/{studentId}/handover";
        foreach (var guardian in contacts.DistinctBy(c => c.GuardianId))
        {
            using var _ = CultureScope.Use(guardian.Language);
            outbox.Email(new EmailMessage(guardian.Email!, text["Mail.Subject", child],
                text["Mail.Body", guardian.FirstName, teacher, child, link, school].Value, guardian.Language, UnsubscribeUrl: AppLinks.Account(config)));
        }
    }
}
