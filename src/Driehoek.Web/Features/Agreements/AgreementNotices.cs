using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Jobs;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Agreements;

public sealed record AgreementNoticeReport(int Announced, int Reminded);

/// <summary>
/// What agreements send, on the app's clock: (1) the family hears of new agreements once the teacher has
/// finished writing them (the newest of a child's is Agreements:AnnounceAfterMinutes old), one e-mail per
/// household for all its children's new agreements, to each of its guardians with an e-mail, in their
/// language; (2) the owner of an open agreement is reminded once, the school's number of days before its
/// check date. Each agreement is claimed with a conditional update in the same transaction as its e-mails,
/// so a second instance or a later pass sends nothing again.
/// </summary>
public sealed class AgreementNotices(AppDbContext db, Outbox outbox, IStringLocalizer<FamilyAgreementsText> text, IConfiguration config, TimeProvider clock)
{
    private const int BatchSize = 200;

    public async Task<AgreementNoticeReport> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new AgreementNoticeReport(await AnnounceAsync(now, ct), await RemindAsync(now, ct));
    }

    private async Task<int> AnnounceAsync(DateTime now, CancellationToken ct)
    {
        var cutoff = now.AddMinutes(-config.GetValue("Agreements:AnnounceAfterMinutes", 10.0));
        var waiting = await db.Agreements.AsNoTracking().Where(a => a.AnnouncedAt == null && a.Status == AgreementStatus.Open)
            .OrderBy(a => a.CreatedAt).Select(a => new { a.Id, a.SchoolId, a.StudentId, a.CreatedAt }).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var school in waiting.GroupBy(a => a.SchoolId))
        {
            // A child's agreements go together, once the teacher has stopped adding to them.
            var ready = school.GroupBy(a => a.StudentId).Where(s => s.Max(a => a.CreatedAt) <= cutoff).SelectMany(s => s).Select(a => a.Id).ToList();
            if (ready.Count > 0)
            {
                sent += await AnnounceSchoolAsync(school.Key, ready, now, ct);
            }
        }
        return sent;
    }

    private async Task<int> AnnounceSchoolAsync(Guid schoolId, List<Guid> ids, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One claim per agreement: what another instance claimed first is its to tell.
        var ours = new List<Guid>();
        foreach (var id in ids)
        {
            if (await db.Agreements.Where(a => a.Id == id && a.AnnouncedAt == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.AnnouncedAt, now), ct) == 1)
            {
                ours.Add(id);
            }
        }
        var claimed = await db.Agreements.AsNoTracking().Where(a => ours.Contains(a.Id)).Select(a => new { a.Id, a.StudentId }).ToListAsync(ct);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var students = claimed.Select(a => a.StudentId).Distinct().ToList();
        var contacts = await FamilyContacts.Of(db, schoolId, LimitedGuardianAccess.ConversationOutcomes)
            .Where(c => students.Contains(c.StudentId) && c.HouseholdId != null && c.Email != null).ToListAsync(ct);
        var today = SchoolCalendar.Today(clock);
        var lists = new Dictionary<Guid, List<AgreementView>>();
        foreach (var studentId in students)
        {
            var mine = claimed.Where(a => a.StudentId == studentId).Select(a => a.Id).ToHashSet();
            lists[studentId] = (await AgreementList.OfStudentAsync(db, studentId, today, onlyOpen: true, ct)).Where(a => mine.Contains(a.Id)).ToList();
        }
        var names = await db.Students.AsNoTracking().Where(s => students.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var schoolName = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync(ct);
        var households = 0;
        foreach (var household in contacts.GroupBy(c => c.HouseholdId!.Value))
        {
            var children = household.Select(c => c.StudentId).Distinct().OrderBy(id => names[id], StringComparer.CurrentCulture).ToList();
            foreach (var guardian in household.DistinctBy(c => c.GuardianId))
            {
                using var _ = CultureScope.Use(guardian.Language);
                var body = new System.Text.StringBuilder(text["Mail.New.Intro", guardian.FirstName, schoolName].Value).Append("\n\n");
                foreach (var child in children)
                {
                    body.Append(names[child]).Append('\n');
                    foreach (var a in lists[child])
                    {
                        body.Append("- ").Append(text["Mail.Line", a.What, a.OwnerName, a.CheckOn.ToString("d MMMM yyyy")].Value).Append('\n');
                    }
                    body.Append(text["Mail.New.Link", AppLinks.BaseUrl(config) + FamilyPath(child)].Value).Append("\n\n");
                }
                body.Append(text["Mail.Signature", schoolName].Value);
                outbox.Email(new EmailMessage(guardian.Email!, text["Mail.New.Subject", string.Join(", ", children.Select(c => names[c]))],
                    body.ToString(), guardian.Language, UnsubscribeUrl: AppLinks.Account(config)));
            }
            households++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return households;
    }

    private async Task<int> RemindAsync(DateTime now, CancellationToken ct)
    {
        var today = SchoolCalendar.Today(clock);
        var horizon = today.AddDays(AgreementRules.MaxReminderDaysBefore);
        var candidates = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Open && a.ReminderSentAt == null && a.CheckOn >= today && a.CheckOn <= horizon)
            .OrderBy(a => a.CheckOn).Select(a => new { a.Id, a.SchoolId, a.CheckOn }).Take(BatchSize).ToListAsync(ct);
        var schools = candidates.Select(a => a.SchoolId).Distinct().ToList();
        var days = await db.AgreementSettings.AsNoTracking().Where(s => schools.Contains(s.SchoolId)).ToDictionaryAsync(s => s.SchoolId, s => s.ReminderDaysBefore, ct);
        var sent = 0;
        foreach (var a in candidates.Where(a => a.CheckOn.AddDays(-days.GetValueOrDefault(a.SchoolId, AgreementRules.DefaultReminderDaysBefore)) <= today))
        {
            if (await RemindOwnerAsync(a.Id, now, ct))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> RemindOwnerAsync(Guid id, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Agreements.Where(a => a.Id == id && a.ReminderSentAt == null && a.Status == AgreementStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReminderSentAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }
        var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id, ct);
        if (await OwnerAddressAsync(agreement, ct) is { } owner)
        {
            var student = await db.Students.AsNoTracking().Where(s => s.Id == agreement.StudentId).Select(s => s.FirstName).SingleAsync(ct);
            var schoolName = await db.Schools.AsNoTracking().Where(s => s.Id == agreement.SchoolId).Select(s => s.Name).SingleAsync(ct);
            using var _ = CultureScope.Use(owner.Language);
            var body = text["Mail.Reminder.Body", owner.FirstName, student, agreement.What, agreement.CheckOn.ToString("dddd d MMMM yyyy"),
                AppLinks.BaseUrl(config) + owner.Path].Value + "\n\n" + text["Mail.Signature", schoolName].Value;
            outbox.Email(new EmailMessage(owner.Email, text["Mail.Reminder.Subject", student, agreement.CheckOn.ToString("d MMMM")], body,
                owner.Language, UnsubscribeUrl: AppLinks.Account(config)));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    private sealed record OwnerAddress(string FirstName, string Email, string Language, string Path);

    /// <summary>Where the owner is reached: the staff member's, the parent's (while the school still tells them) or the student's e-mail.</summary>
    private async Task<OwnerAddress?> OwnerAddressAsync(Agreement a, CancellationToken ct)
    {
        switch (a.Owner)
        {
            case AgreementOwner.Staff:
                var m = await db.StaffMembers.AsNoTracking().Where(x => x.Id == a.OwnerStaffMemberId)
                    .Select(x => new { x.FirstName, x.Email, Language = db.Users.Where(u => u.Id == x.UserId).Select(u => u.PreferredLanguage).FirstOrDefault() })
                    .FirstOrDefaultAsync(ct);
                return string.IsNullOrWhiteSpace(m?.Email) ? null
                    : new OwnerAddress(m.FirstName, m.Email, Cultures.Normalize(m.Language ?? Cultures.Default), StaffPath(a.StudentId));
            case AgreementOwner.Guardian:
                var g = await FamilyContacts.Of(db, a.SchoolId, LimitedGuardianAccess.ConversationOutcomes)
                    .Where(c => c.StudentId == a.StudentId && c.GuardianId == a.OwnerGuardianId && c.Email != null).FirstOrDefaultAsync(ct);
                return g is null ? null : new OwnerAddress(g.FirstName, g.Email!, g.Language, FamilyPath(a.StudentId));
            default:
                var s = await db.Students.AsNoTracking().Where(x => x.Id == a.StudentId)
                    .Select(x => new { x.FirstName, x.Email, Language = db.Users.Where(u => u.Id == x.UserId).Select(u => u.PreferredLanguage).FirstOrDefault() })
                    .SingleAsync(ct);
                var kind = await db.Schools.AsNoTracking().Where(x => x.Id == a.SchoolId).Select(x => x.Kind).SingleAsync(ct);
                return string.IsNullOrWhiteSpace(s.Email) || !await AgreementAccess.StudentsSeeAsync(db, a.SchoolId, kind, ct) ? null
                    : new OwnerAddress(s.FirstName, s.Email, Cultures.Normalize(s.Language ?? Cultures.Default), FamilyPath(a.StudentId));
        }
    }

    public static string FamilyPath(Guid studentId) => $"/children/{studentId}/agreements";

    public static string StaffPath(Guid studentId) => $"/students/{studentId}/agreements";
}

/// <summary>Runs <see cref="AgreementNotices"/> every Agreements:PollSeconds in one instance (the job's lease).</summary>
public sealed class AgreementNoticeJob(AgreementNotices notices, ILogger<AgreementNoticeJob> log) : IJobHandler
{
    public const string Kind = "agreement-notices";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var report = await notices.HandleAsync(ct);
        if (report.Announced + report.Reminded > 0)
        {
            log.LogInformation("Agreements: {Announced} households told of new ones, {Reminded} owners reminded", report.Announced, report.Reminded);
        }
    }
}
