using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>
/// Invites every household of every student in a round that has not been invited yet: one
/// <see cref="RoundInvitation"/> per student and household, and an e-mail through the outbox to each
/// guardian with an address, in their own language. The caller saves: rows and mails commit together,
/// and the unique index on (round, student, household) keeps a second run from inviting anyone twice.
/// </summary>
public sealed class RoundInvitationSender(AppDbContext db, Outbox outbox, IStringLocalizer<RoundFamilyText> text,
    IStringLocalizer<Handover.HandoverFamilyText> handoverText, IConfiguration config, TimeProvider clock)
{
    private sealed record Invitee(Guid StudentId, Guid HouseholdId, string Name, string? Email, string Language);

    /// <summary>
    /// Invites the missing households in chunks, each saved on its own (rows and mails together), reporting
    /// (done, total) after each. Run again, it finds only those a previous run did not save. When a leader's
    /// "send missing" saved some of a chunk first, the unique index refuses the chunk and what is still missing
    /// is worked out again.
    /// </summary>
    public async Task<int> SendMissingInChunksAsync(ConversationRound round, int chunkSize, Action<int, int> progress, CancellationToken ct)
    {
        var missing = await MissingAsync(round, ct);
        var (done, total, conflicts) = (0, missing.Count, 0);
        progress(done, total);
        while (missing.Count > 0)
        {
            var chunk = missing.Take(chunkSize).ToList();
            await AddAsync(round, chunk, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                missing.RemoveRange(0, chunk.Count);
                done += chunk.Count;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && ++conflicts <= 3)
            {
                db.ChangeTracker.Clear();
                missing = await MissingAsync(round, ct);
                total = done + missing.Count;
            }
            // The sent rows need not stay tracked: a large school has tens of thousands.
            db.ChangeTracker.Clear();
            progress(done, total);
        }
        return done;
    }

    private async Task AddAsync(ConversationRound round, List<IGrouping<(Guid StudentId, Guid HouseholdId), Invitee>> missing, CancellationToken ct)
    {
        if (missing.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == round.SchoolId).Select(s => s.Name).SingleAsync(ct);
        var studentIds = missing.Select(m => m.Key.StudentId).Distinct().ToList();
        var children = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        var handoverRead = await Handover.HandoverReads.ReadByAsync(db, round, studentIds, ct);
        var texts = new Dictionary<string, InvitationText>();
        foreach (var household in missing)
        {
            var invitation = new RoundInvitation
            {
                SchoolId = round.SchoolId, RoundId = round.Id, StudentId = household.Key.StudentId, HouseholdId = household.Key.HouseholdId, CreatedAt = now,
            };
            foreach (var guardian in household.Where(g => g.Email is not null))
            {
                if (!texts.TryGetValue(guardian.Language, out var wording))
                {
                    wording = texts[guardian.Language] = await InvitationTexts.ForAsync(db, round.SchoolId, round.Form, guardian.Language, ct);
                }
                outbox.Email(Mail(round, school, children[invitation.StudentId], guardian, wording, handoverRead.GetValueOrDefault(invitation.StudentId)));
                invitation.EmailedAt = now;
            }
            db.RoundInvitations.Add(invitation);
        }
    }

    /// <summary>
    /// Households (per child) of the round without an invitation yet, counted by the database: the staff pages ask on
    /// every view. <paramref name="among"/> narrows the count to some of the round's students (a page showing one group
    /// counts that group, so its cost does not grow with the school).
    /// </summary>
    public Task<int> CountMissingAsync(ConversationRound round, CancellationToken ct, IQueryable<Guid>? among = null)
    {
        var students = RoundAccess.StudentIds(db, round.Id);
        if (among is not null)
        {
            students = students.Where(id => among.Contains(id));
        }
        return FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => students.Contains(c.StudentId) && c.HouseholdId != null
                        && !db.RoundInvitations.Any(i => i.RoundId == round.Id && i.StudentId == c.StudentId && i.HouseholdId == c.HouseholdId))
            .Select(c => new { c.StudentId, c.HouseholdId })
            .Distinct()
            .CountAsync(ct);
    }

    private async Task<List<IGrouping<(Guid StudentId, Guid HouseholdId), Invitee>>> MissingAsync(ConversationRound round, CancellationToken ct)
    {
        var students = RoundAccess.StudentIds(db, round.Id);
        var invitees = await FamilyContacts.Of(db, round.SchoolId, LimitedGuardianAccess.ConversationRounds)
            .Where(c => students.Contains(c.StudentId) && c.HouseholdId != null)
            .ToListAsync(ct);
        var invited = (await db.RoundInvitations.AsNoTracking().Where(i => i.RoundId == round.Id)
            .Select(i => new { i.StudentId, i.HouseholdId }).ToListAsync(ct))
            .Select(i => (i.StudentId, i.HouseholdId)).ToHashSet();
        return invitees
            .Select(i => new Invitee(i.StudentId, i.HouseholdId!.Value, i.Name, i.Email, i.Language))
            .GroupBy(i => (i.StudentId, i.HouseholdId))
            .Where(g => !invited.Contains(g.Key))
            .ToList();
    }

    /// <param name="handoverReadBy">Next year's teacher who has read what was handed over about the child, when they have.</param>
    private EmailMessage Mail(ConversationRound round, string school, string child, Invitee guardian, InvitationText wording, string? handoverReadBy)
    {
        using var _ = CultureScope.Use(guardian.Language);
        var purpose = handoverReadBy is null ? wording.Purpose : wording.Purpose + "\n\n" + handoverText["Invitation.Read", handoverReadBy].Value;
        var site = AppLinks.BaseUrl(config);
        var booking = round.Mode == RoundMode.SelfBooking
            ? text["Mail.BookingLine", InvitationWording.Opens(round), InvitationWording.Closes(round), site + InvitationWording.BookPath(round.Id)].Value
            : text["Invitation.Requests"].Value;
        var body = text["Mail.Body", guardian.Name, round.Name, child, purpose, round.LengthMinutes, InvitationWording.Days(text, round), booking,
            site + InvitationWording.InvitationPath(round.Id, guardian.StudentId), site + InvitationWording.PreparePath(round.Id, guardian.StudentId),
            InvitationWording.Bullets(wording.ParentQuestions), school];
        return new EmailMessage(guardian.Email!, text["Mail.Subject", round.Name, child], body, guardian.Language);
    }
}
