using System.Text.Json;
using Driehoek.Web.Features.Agreements;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Tests.Agreements;

internal static class AgreementWorld
{
    /// <summary>A check date well after the test clock's start (10 November 2026).</summary>
    public const string CheckOn = "2026-12-01";

    /// <summary>The family of <see cref="FollowThroughWorld.RoundFamilyAsync"/> with its first conversation booked and held.</summary>
    public static async Task<(RoundFamily Family, Guid BookingId)> HeldConversationAsync(this TestApp app, string language = "nl")
    {
        var f = await app.RoundFamilyAsync(language);
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            var id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
            await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Held).SetProperty(b => b.StudentPresent, true)));
            return (f, id);
        }
    }

    /// <summary>Fills the "new agreement" form on the staff page and submits it.</summary>
    public static Task<Page> RecordAsync(this AppClient staff, Page page, string owner, string what, string checkOn = CheckOn,
        string? why = null, string? how = null) =>
        staff.SubmitAsync(page, new()
        {
            ["Owner"] = owner, ["What"] = what, ["Why"] = why ?? "", ["How"] = how ?? "", ["CheckOn"] = checkOn,
        }, "#new-agreement form");

    /// <summary>Records an agreement from the student record as <paramref name="staffEmail"/>; its id.</summary>
    public static async Task<Guid> AgreementAsync(this TestApp app, string staffEmail, Guid studentId, string owner, string what, string checkOn = CheckOn)
    {
        using var staff = await app.SignInAsync(staffEmail);
        var saved = await staff.RecordAsync(await staff.GetAsync($"/students/{studentId}/agreements"), owner, what, checkOn);
        Assert.True(saved.Errors.Count == 0, string.Join("; ", saved.Errors));
        return await app.WithDbAsync(db => db.Agreements.Where(a => a.StudentId == studentId && a.What == what).Select(a => a.Id).SingleAsync());
    }

    public static string Guardian(Person p) => $"guardian:{p.Id}";

    public static string Staff(Person p) => $"staff:{p.Id}";

    /// <summary>
    /// The e-mails to <paramref name="to"/> in the outbox, as written: what was sent, however busy the worker
    /// that delivers them is with other tests' mail.
    /// </summary>
    public static Task<List<EmailMessage>> OutboxMailsAsync(this TestApp app, string to) =>
        app.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(to)).OrderBy(m => m.CreatedAt)
                .Select(m => m.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<EmailMessage>(p)!).Where(m => m.To == to).ToList());

    /// <summary>One pass of the agreements' notices (announcements and reminders) at the test clock.</summary>
    public static async Task<AgreementNoticeReport> RunAgreementNoticesAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgreementNotices>().HandleAsync(CancellationToken.None);
    }
}
