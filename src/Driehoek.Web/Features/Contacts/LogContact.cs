using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Contacts;

/// <param name="At">When it took place, in the school's time; null means now.</param>
public sealed record LogContactCommand(Guid StudentId, ContactChannel Channel, ContactWith With, ContactArea Area, ContactTone Tone,
    string? Summary, DateTime? At, DateOnly? TalkAgainOn);

/// <summary>
/// A staff member logs a contact with a student's family: a call, a door chat, a home visit, a letter, an e-mail or a
/// message. Whoever may log for the student does; a contact by someone who does not lead the student's group (a subject
/// teacher, a coordinator) informs the mentor or group teacher by e-mail, and it shows on their contacts page.
/// </summary>
public sealed class LogContact(AppDbContext db, Access access, TimeProvider clock, ContactMail mail)
{
    public async Task<Result<Guid>> HandleAsync(LogContactCommand c, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(c.StudentId), ct);
        var schoolId = await db.Students.AsNoTracking().Where(s => s.Id == c.StudentId).Select(s => (Guid?)s.SchoolId).FirstOrDefaultAsync(ct);
        if (schoolId is not { } school || access.UserId is not { } userId
                                       || !await access.PermitsAsync(Resource.ContactLog, Act.Change, relations, school, ct))
        {
            return Result<Guid>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var at = AtUtc(c.At, now);
        var summary = string.IsNullOrWhiteSpace(c.Summary) ? null : c.Summary.Trim();
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(c.Channel) || c.Channel == ContactChannel.FamilyNews)
        {
            errors.Add(new FieldError("Channel", "Log.ChooseChannel"));
        }
        if (!Enum.IsDefined(c.With) || !Enum.IsDefined(c.Area) || !Enum.IsDefined(c.Tone))
        {
            errors.Add(new FieldError("", "Log.ChooseOptions"));
        }
        if (ContactRules.CheckLength(summary, "Summary", ContactRules.MaxSummary) is { } tooLong)
        {
            errors.Add(tooLong);
        }
        if (at is null || at > now.AddMinutes(5) || at < now.AddYears(-1))
        {
            errors.Add(new FieldError("At", "Log.AtOutOfRange"));
        }
        if (c.TalkAgainOn is { } again && (again < SchoolCalendar.Today(clock) || again > SchoolCalendar.Today(clock).AddYears(1)))
        {
            errors.Add(new FieldError("TalkAgainOn", "Log.TalkAgainOutOfRange"));
        }
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid([.. errors]);
        }
        var profile = await access.ProfileAsync(ct);
        var entry = new ContactEntry
        {
            SchoolId = school, StudentId = c.StudentId, LoggedByUserId = userId,
            StaffMemberId = profile.Staff.FirstOrDefault(s => s.SchoolId == school)?.StaffMemberId,
            AuthorName = await Records.SaveRecord.AuthorNameAsync(db, school, userId, ct),
            At = at!.Value, LoggedAt = now, Channel = c.Channel, With = c.With, Area = c.Area, Tone = c.Tone, Summary = summary, TalkAgainOn = c.TalkAgainOn,
        };
        db.ContactEntries.Add(entry);
        if (!relations.Contains(Relation.Mentor) && !relations.Contains(Relation.GroupTeacher))
        {
            await mail.ColleagueLoggedAsync(entry, ct);
        }
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    /// <summary>The moment in UTC; null for one the school's clock cannot show (far off, or in the hour skipped in spring).</summary>
    private static DateTime? AtUtc(DateTime? local, DateTime now)
    {
        if (local is not { } l)
        {
            return now;
        }
        var wall = DateTime.SpecifyKind(l, DateTimeKind.Unspecified);
        var nowLocal = SchoolCalendar.ToLocal(now);
        return wall < nowLocal.AddYears(-2) || wall > nowLocal.AddDays(2) || SchoolCalendar.Zone.IsInvalidTime(wall) ? null : SchoolCalendar.ToUtc(wall);
    }
}
