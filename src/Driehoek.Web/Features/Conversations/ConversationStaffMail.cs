using System.Globalization;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Conversations;

/// <summary>
/// Tells staff, by e-mail through the outbox in their own language, what a family did: a request for a
/// conversation reaches the student's mentors and group teachers (the care coordinators when the group has
/// none with an address) with the date the school promised a reply by; a conversation the family called off
/// reaches the one who planned it. Call before SaveChanges.
/// </summary>
public sealed class ConversationStaffMail(AppDbContext db, Outbox outbox, IStringLocalizer<ConversationsStaffText> text,
    IStringLocalizer<ConversationsText> family, IConfiguration config)
{
    public async Task RequestedAsync(ConversationWish wish, CancellationToken ct)
    {
        var groups = db.Enrollments.Where(e => e.StudentId == wish.StudentId).Select(e => e.GroupId);
        var teachers = db.StaffAssignments.Where(a => a.SchoolId == wish.SchoolId && a.GroupId != null && groups.Contains(a.GroupId.Value)
                                                      && (a.Role == StaffRole.Mentor || a.Role == StaffRole.GroupTeacher)).Select(a => a.StaffMemberId);
        var to = await AddressesAsync(teachers, ct);
        if (to.Count == 0)
        {
            to = await AddressesAsync(db.StaffAssignments.Where(a => a.SchoolId == wish.SchoolId && a.Role == StaffRole.CareCoordinator)
                .Select(a => a.StaffMemberId), ct);
        }
        var student = await StudentNameAsync(wish.StudentId, ct);
        var link = $"{AppLinks.BaseUrl(config)}/conversations?school={wish.SchoolId}#wish-{wish.Id}";
        foreach (var m in to)
        {
            using var _ = CultureScope.Use(m.Language);
            var due = SchoolCalendar.ToLocal(wish.ReplyBy).ToString("dddd d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);
            var by = wish.AskedByStudent ? family["Wish.ByStudent"].Value : family["Wish.ByParent"].Value;
            outbox.Email(new EmailMessage(m.Email, text["Mail.Request.Subject", student],
                text["Mail.Request.Body", m.FirstName, student, by, wish.Reason, due, link], m.Language));
        }
    }

    public async Task FamilyCancelledAsync(PlannedConversation c, CancellationToken ct)
    {
        var student = await StudentNameAsync(c.StudentId, ct);
        foreach (var m in await AddressesAsync(db.StaffMembers.Where(x => x.Id == c.PlannedByStaffId).Select(x => x.Id), ct))
        {
            using var _ = CultureScope.Use(m.Language);
            outbox.Email(new EmailMessage(m.Email, text["Mail.FamilyCancelled.Subject", student],
                text["Mail.FamilyCancelled.Body", m.FirstName, student, c.CancelReason ?? "", $"{AppLinks.BaseUrl(config)}/students/{c.StudentId}/conversations"],
                m.Language));
        }
    }

    private sealed record StaffAddress(string FirstName, string Email, string Language);

    private async Task<List<StaffAddress>> AddressesAsync(IQueryable<Guid> staffIds, CancellationToken ct) =>
        (await db.StaffMembers.AsNoTracking().Where(m => staffIds.Contains(m.Id) && m.Email != null && m.Email.Trim() != "")
            .Select(m => new { m.FirstName, m.Email, Language = db.Users.Where(u => u.Id == m.UserId).Select(u => u.PreferredLanguage).FirstOrDefault() })
            .ToListAsync(ct))
        .DistinctBy(m => m.Email!.Trim().ToLowerInvariant()).Select(m => new StaffAddress(m.FirstName, m.Email!, Cultures.Normalize(m.Language))).ToList();

    private Task<string> StudentNameAsync(Guid studentId, CancellationToken ct) =>
        db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => s.FirstName + (s.LastNamePrefix == null ? "" : " " + s.LastNamePrefix) + " " + s.LastName)
            .SingleAsync(ct);
}
