using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Contacts;

/// <summary>
/// What the contact log tells by e-mail through the outbox, each reader in their own language: a colleague's contact,
/// a family's news and a new concern reach the student's mentor or group teacher (a sensitive concern the care
/// coordinator too); a reply reaches the one who raised the concern. Never the concern's own text: that is read on
/// the page, where the read is audited. Call before SaveChanges.
/// </summary>
public sealed class ContactMail(AppDbContext db, Outbox outbox, IStringLocalizer<ContactsStaffText> staff, IStringLocalizer<ContactsText> family,
    IConfiguration config)
{
    public async Task ColleagueLoggedAsync(ContactEntry entry, CancellationToken ct)
    {
        var student = await StudentNameAsync(entry.StudentId, ct);
        foreach (var m in await LeadsAsync(entry.SchoolId, entry.StudentId, care: false, except: entry.LoggedByUserId, ct))
        {
            using var _ = CultureScope.Use(m.Language);
            outbox.Email(new EmailMessage(m.Email, staff["Mail.Colleague.Subject", student],
                staff["Mail.Colleague.Body", m.FirstName, entry.AuthorName, student, staff["Channel." + entry.Channel], family["Area." + entry.Area],
                    staff["Tone." + entry.Tone], LogLink(entry.StudentId)], m.Language));
        }
    }

    public async Task FamilyNewsAsync(ContactEntry entry, CancellationToken ct)
    {
        var student = await StudentNameAsync(entry.StudentId, ct);
        foreach (var m in await LeadsAsync(entry.SchoolId, entry.StudentId, care: false, except: null, ct))
        {
            using var _ = CultureScope.Use(m.Language);
            outbox.Email(new EmailMessage(m.Email, staff["Mail.News.Subject", student],
                staff["Mail.News.Body", m.FirstName, student, family["News." + entry.NewsKind], LogLink(entry.StudentId)], m.Language));
        }
    }

    public async Task ConcernRaisedAsync(Concern concern, CancellationToken ct)
    {
        var student = await StudentNameAsync(concern.StudentId, ct);
        foreach (var m in await LeadsAsync(concern.SchoolId, concern.StudentId, care: concern.Sensitive, except: null, ct))
        {
            using var _ = CultureScope.Use(m.Language);
            outbox.Email(new EmailMessage(m.Email, staff["Mail.Concern.Subject", student],
                staff["Mail.Concern.Body", m.FirstName, student, family["Situation." + concern.Situation],
                    $"{AppLinks.BaseUrl(config)}/students/{concern.StudentId}/concerns#concern-{concern.Id}"], m.Language));
        }
    }

    public async Task RepliedAsync(Concern concern, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == concern.RaisedByUserId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage }).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(user?.Email))
        {
            return;
        }
        var language = Cultures.Normalize(user.PreferredLanguage);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == concern.StudentId).Select(s => s.FirstName).SingleAsync(ct);
        using var _ = CultureScope.Use(language);
        outbox.Email(new EmailMessage(user.Email, family["Mail.Replied.Subject", student],
            family["Mail.Replied.Body", user.DisplayName, student, $"{AppLinks.BaseUrl(config)}/children/{concern.StudentId}/concerns"],
            language, UnsubscribeUrl: AppLinks.Account(config)));
    }

    private string LogLink(Guid studentId) => $"{AppLinks.BaseUrl(config)}/students/{studentId}/contacts";

    private sealed record StaffAddress(string FirstName, string Email, string Language);

    /// <summary>The mentors and group teachers of the student's groups; with <paramref name="care"/> the school's care coordinators too.</summary>
    private async Task<List<StaffAddress>> LeadsAsync(Guid schoolId, Guid studentId, bool care, Guid? except, CancellationToken ct)
    {
        var groups = db.Enrollments.Where(e => e.StudentId == studentId).Select(e => e.GroupId);
        var ids = db.StaffAssignments.Where(a => a.SchoolId == schoolId
                                                 && ((a.GroupId != null && groups.Contains(a.GroupId.Value) && (a.Role == StaffRole.Mentor || a.Role == StaffRole.GroupTeacher))
                                                     || (care && a.Role == StaffRole.CareCoordinator)))
            .Select(a => a.StaffMemberId);
        var rows = await db.StaffMembers.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.Email != null && m.Email.Trim() != "" && (except == null || m.UserId != except))
            .Select(m => new { m.FirstName, m.Email, Language = db.Users.Where(u => u.Id == m.UserId).Select(u => u.PreferredLanguage).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.DistinctBy(m => m.Email!.Trim().ToLowerInvariant()).Select(m => new StaffAddress(m.FirstName, m.Email!, Cultures.Normalize(m.Language))).ToList();
    }

    private Task<string> StudentNameAsync(Guid studentId, CancellationToken ct) =>
        db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => s.FirstName + (s.LastNamePrefix == null ? "" : " " + s.LastNamePrefix) + " " + s.LastName).SingleAsync(ct);
}
