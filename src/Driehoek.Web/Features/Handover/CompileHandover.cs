using Driehoek.Web.Features.Agreements;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Records;

namespace Driehoek.Web.Features.Handover;

/// <param name="Version">the handover as the teacher last saw it; null when there is none yet</param>
public sealed record CompileHandoverCommand(Guid StudentId, Guid? YearId, Guid? Version);

/// <summary>
/// Compiles a student's handover from the year's data, or brings a draft up to date: the open agreements, the notes
/// marked for the handover, the summaries of the year's last conversations and the support level. What the teacher
/// ticked off stays off and the lines they added stay; what no longer applies (an agreement since done) goes. A
/// released handover is no longer compiled.
/// </summary>
public sealed class CompileHandover(AppDbContext db, HandoverAccess handoverAccess, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(CompileHandoverCommand command, CancellationToken ct)
    {
        var reader = await handoverAccess.ForStaffAsync(command.StudentId, command.YearId, Act.Change, ct);
        if (reader is null)
        {
            return Result<Guid>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var handover = await db.StudentHandovers.FirstOrDefaultAsync(h => h.StudentId == command.StudentId && h.SchoolYearId == reader.Year.Id, ct);
        if (handover is not null && handover.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Handover.ChangedMeanwhile"));
        }
        if (handover?.Status == HandoverStatus.Released)
        {
            return Result<Guid>.Invalid(new FieldError("", "Handover.AlreadyReleased"));
        }
        if (handover is null)
        {
            handover = new StudentHandover { SchoolId = reader.SchoolId, StudentId = command.StudentId, SchoolYearId = reader.Year.Id };
            db.StudentHandovers.Add(handover);
        }
        handover.CompiledAt = now;
        var existing = await db.HandoverItems.Where(i => i.HandoverId == handover.Id).ToListAsync(ct);
        var fresh = await SourcesAsync(reader.StudentId, reader.SchoolId, reader.Year, now, ct);
        foreach (var item in fresh)
        {
            var kept = existing.FirstOrDefault(e => e.Kind == item.Kind && e.SourceId == item.SourceId);
            if (kept is null)
            {
                item.HandoverId = handover.Id;
                db.HandoverItems.Add(item);
                continue;
            }
            kept.Text = item.Text;
            kept.Person = item.Person;
            kept.On = item.On;
            kept.Audience = item.Audience;
            kept.HouseholdId = item.HouseholdId;
        }
        db.HandoverItems.RemoveRange(existing.Where(e => e.Kind is not (HandoverItemKind.TeacherLine or HandoverItemKind.FamilyLine)
                                                         && !fresh.Any(f => f.Kind == e.Kind && f.SourceId == e.SourceId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Handover.ChangedMeanwhile"));
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Someone compiled the same handover at the same moment: theirs stands.
            return Result<Guid>.Conflict(new FieldError("", "Handover.ChangedMeanwhile"));
        }
        return handover.Id;
    }

    /// <summary>
    /// A draft for a student who has no handover of the year yet, compiled without a reader (at rollover, or when an end
    /// round is published), so the outgoing teacher finds it ready to review. Nothing when one exists or another run made it.
    /// </summary>
    public async Task<bool> DraftAsync(Guid studentId, SchoolYear year, CancellationToken ct)
    {
        if (await db.StudentHandovers.AnyAsync(h => h.StudentId == studentId && h.SchoolYearId == year.Id, ct))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var handover = new StudentHandover { SchoolId = year.SchoolId, StudentId = studentId, SchoolYearId = year.Id, CompiledAt = now };
        db.StudentHandovers.Add(handover);
        foreach (var item in await SourcesAsync(studentId, year.SchoolId, year, now, ct))
        {
            item.HandoverId = handover.Id;
            db.HandoverItems.Add(item);
        }
        // One student after another in one context; a draft made meanwhile by another run wins.
        return await db.SaveFirstAsync(ct);
    }

    /// <summary>What the year's data says goes over, as new (unsaved) items.</summary>
    private async Task<List<HandoverItem>> SourcesAsync(Guid studentId, Guid schoolId, SchoolYear year, DateTime now, CancellationToken ct)
    {
        var from = SchoolCalendar.ToUtc(year.StartsOn.ToDateTime(TimeOnly.MinValue));
        var until = SchoolCalendar.ToUtc(year.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var items = new List<HandoverItem>();
        HandoverItem Item(HandoverItemKind kind, Guid? source, HandoverAudience audience, string text, string? person = null, DateOnly? on = null,
            Guid? household = null) =>
            new()
            {
                SchoolId = schoolId, Kind = kind, SourceId = source, Audience = audience, Text = text, Person = person, On = on,
                HouseholdId = household, CreatedAt = now,
            };

        // Every agreement still open goes over, whichever year it was made in: the new teacher checks it.
        foreach (var a in await AgreementList.OfStudentAsync(db, studentId, SchoolCalendar.Today(clock), onlyOpen: true, ct))
        {
            var text = string.IsNullOrWhiteSpace(a.How) ? a.What : $"{a.What}\n{a.How}";
            items.Add(Item(HandoverItemKind.Agreement, a.Id, HandoverAudience.Family, Clip(text), a.OwnerName, a.CheckOn));
        }

        var notes = await db.StudentNotes.AsNoTracking()
            .Where(n => n.StudentId == studentId && n.ForHandover && n.CreatedAt >= from && n.CreatedAt < until)
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        items.AddRange(notes.Select(n => Item(HandoverItemKind.Note, n.Id, n.Visibility switch
        {
            NoteVisibility.Family => HandoverAudience.Family,
            NoteVisibility.Care => HandoverAudience.Care,
            _ => HandoverAudience.Staff,
        }, n.Text, n.AuthorName, DateOnly.FromDateTime(SchoolCalendar.ToLocal(n.CreatedAt)))));

        var conversations = await db.ConversationRecords.AsNoTracking().Where(r => r.StudentId == studentId)
            .Join(db.Bookings, r => r.BookingId, b => b.Id, (r, b) => new { r.Id, r.SharedSummary, r.SupportLevel, b.StartsAt, b.HouseholdId, b.StaffMemberId })
            .Where(x => x.StartsAt >= from && x.StartsAt < until)
            .Join(db.StaffMembers, x => x.StaffMemberId, m => m.Id, (x, m) => new { x, m.FirstName, m.LastNamePrefix, m.LastName })
            .ToListAsync(ct);
        foreach (var c in conversations.Where(c => !string.IsNullOrWhiteSpace(c.x.SharedSummary)).OrderByDescending(c => c.x.StartsAt)
                     .Take(HandoverRules.Summaries).OrderBy(c => c.x.StartsAt))
        {
            items.Add(Item(HandoverItemKind.Summary, c.x.Id, HandoverAudience.Family, c.x.SharedSummary!,
                PersonName.Format(c.FirstName, c.LastNamePrefix, c.LastName), DateOnly.FromDateTime(SchoolCalendar.ToLocal(c.x.StartsAt)),
                c.x.HouseholdId));
        }

        // The support level as last set this year, on a special conversation's record or a planned conversation.
        var planned = await db.PlannedConversations.AsNoTracking()
            .Where(p => p.StudentId == studentId && p.SupportLevel != null && p.CreatedAt >= from && p.CreatedAt < until)
            .Select(p => new { At = p.CreatedAt, p.SupportLevel }).ToListAsync(ct);
        var level = conversations.Where(c => c.x.SupportLevel is not null).Select(c => new { At = c.x.StartsAt, c.x.SupportLevel })
            .Concat(planned).OrderByDescending(l => l.At).FirstOrDefault();
        if (level?.SupportLevel is { } l)
        {
            items.Add(Item(HandoverItemKind.SupportLevel, null, HandoverAudience.Staff, l.ToString(System.Globalization.CultureInfo.InvariantCulture),
                on: DateOnly.FromDateTime(SchoolCalendar.ToLocal(level.At))));
        }
        return items;
    }

    private static string Clip(string text) => text.Length > Limits.Text ? text[..Limits.Text] : text;
}
