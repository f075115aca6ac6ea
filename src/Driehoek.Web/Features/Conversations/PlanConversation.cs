using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Conversations;

public sealed record ProposedTime(DateOnly? Date, TimeOnly? Start, int? Minutes, string? Place);

public sealed record ExternalParticipant(string? Name, string? Organisation, string? Role);

public sealed record PlanConversationCommand(
    Guid StudentId, string? Purpose, string? StaffNote, int? SupportLevel, string? AskedBy, string? Decision, string? DecidedBy,
    bool StudentTakesPart, IReadOnlyList<Guid> StaffIds, IReadOnlyList<ExternalParticipant> Externals, IReadOnlyList<ProposedTime> Times,
    Guid? WishId = null);

/// <summary>
/// The student's mentor or group teacher, the care coordinator or a school leader plans a conversation for
/// one student outside the rounds: purpose, who takes part, up to five times. The family's invitation goes
/// out in the same transaction.
/// </summary>
public sealed class PlanConversation(AppDbContext db, Access access, TimeProvider clock, ConversationMail mail)
{
    public async Task<Result<Guid>> HandleAsync(PlanConversationCommand c, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.PlannedConversations, Act.Change, Target.Student(c.StudentId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == c.StudentId, ct);
        var profile = await access.ProfileAsync(ct);
        var planner = profile.Staff.FirstOrDefault(s => s.SchoolId == student.SchoolId)?.StaffMemberId;
        var now = clock.GetUtcNow().UtcDateTime;
        var staffIds = c.StaffIds.Distinct().ToList();
        var staffNames = (await db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == student.SchoolId && staffIds.Contains(m.Id))
            .Select(m => new { m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
            .Select(m => People.PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName)).ToList();
        var errors = Validate(c, now).ToList();
        if (staffNames.Count != staffIds.Count)
        {
            errors.Add(new FieldError("StaffIds", "Plan.UnknownStaff"));
        }
        if (planner is null)
        {
            return Result<Guid>.NotFound();
        }
        ConversationWish? wish = null;
        if (c.WishId is { } wishId)
        {
            wish = await db.ConversationWishes.FirstOrDefaultAsync(w => w.Id == wishId && w.StudentId == c.StudentId, ct);
            if (wish is null)
            {
                errors.Add(new FieldError("WishId", "Plan.UnknownWish"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid([.. errors]);
        }

        var conversation = new PlannedConversation
        {
            SchoolId = student.SchoolId, StudentId = student.Id, PlannedByStaffId = planner.Value, WishId = wish?.Id,
            Purpose = c.Purpose!.Trim(), StaffNote = Clean(c.StaffNote), SupportLevel = c.SupportLevel,
            AskedBy = Clean(c.AskedBy), Decision = Clean(c.Decision), DecidedBy = Clean(c.DecidedBy),
            StudentTakesPart = c.StudentTakesPart, Status = PlannedStatus.Proposed, CreatedAt = now,
        };
        db.PlannedConversations.Add(conversation);
        var times = NewTimes(conversation.Id, c.Times);
        db.PlannedConversationTimes.AddRange(times);
        db.PlannedConversationParticipants.AddRange(staffIds.Select(id => new PlannedConversationParticipant { ConversationId = conversation.Id, StaffMemberId = id }));
        var externals = FilledExternals(c.Externals).Select(e => new PlannedConversationParticipant
        {
            ConversationId = conversation.Id, Name = e.Name!.Trim(), Organisation = Clean(e.Organisation), Role = Clean(e.Role),
        }).ToList();
        db.PlannedConversationParticipants.AddRange(externals);
        if (wish is not null)
        {
            wish.Status = WishStatus.Planned;
            wish.ConversationId = conversation.Id;
            wish.RepliedAt = now;
            wish.RepliedByStaffId = planner;
        }
        await mail.InvitedAsync(conversation, times,
            [.. staffNames.Order(), .. externals.Select(e => new Participant(null, e.Name!, e.Organisation, e.Role).Display)], ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague answered the same request at this moment: theirs stands, nothing is planned or sent.
            db.ChangeTracker.Clear();
            return Result<Guid>.Conflict(new FieldError("", "Reply.AlreadyAnswered"));
        }
        return conversation.Id;
    }

    private static IEnumerable<ProposedTime> Filled(IEnumerable<ProposedTime> times) =>
        times.Where(t => t.Date is not null || t.Start is not null || !string.IsNullOrWhiteSpace(t.Place));

    private static IEnumerable<ExternalParticipant> FilledExternals(IEnumerable<ExternalParticipant> people) =>
        people.Where(e => !string.IsNullOrWhiteSpace(e.Name) || !string.IsNullOrWhiteSpace(e.Organisation) || !string.IsNullOrWhiteSpace(e.Role));

    private static IEnumerable<FieldError> Validate(PlanConversationCommand c, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(c.Purpose))
        {
            yield return new FieldError("Purpose", "Plan.PurposeRequired");
        }
        foreach (var (field, value, max) in new[]
                 {
                     ("Purpose", c.Purpose, ConversationRules.MaxPurpose), ("StaffNote", c.StaffNote, ConversationRules.MaxNote),
                     ("AskedBy", c.AskedBy, ConversationRules.MaxShort), ("Decision", c.Decision, ConversationRules.MaxShort),
                     ("DecidedBy", c.DecidedBy, ConversationRules.MaxShort),
                 })
        {
            if (value?.Trim().Length > max)
            {
                yield return new FieldError(field, "Text.TooLong", max);
            }
        }
        if (c.SupportLevel is not (null or 2 or 3))
        {
            yield return new FieldError("SupportLevel", "Plan.SupportLevel");
        }
        var externals = FilledExternals(c.Externals).ToList();
        if (externals.Count > ConversationRules.MaxExternal)
        {
            yield return new FieldError("Externals", "Plan.TooManyExternals", ConversationRules.MaxExternal);
        }
        foreach (var e in externals)
        {
            if (string.IsNullOrWhiteSpace(e.Name))
            {
                yield return new FieldError("Externals", "Plan.ExternalNameRequired");
            }
            if (new[] { e.Name, e.Organisation, e.Role }.Any(v => v?.Trim().Length > ConversationRules.MaxShort))
            {
                yield return new FieldError("Externals", "Text.TooLong", ConversationRules.MaxShort);
            }
        }
        foreach (var error in ValidateTimes(c.Times, now))
        {
            yield return error;
        }
    }

    /// <summary>One to five complete times in the future, each with a place of sensible length.</summary>
    public static IEnumerable<FieldError> ValidateTimes(IEnumerable<ProposedTime> proposed, DateTime now)
    {
        var times = Filled(proposed).ToList();
        if (times.Count == 0)
        {
            yield return new FieldError("Times", "Plan.TimeRequired");
        }
        if (times.Count > ConversationRules.MaxTimes)
        {
            yield return new FieldError("Times", "Plan.TooManyTimes", ConversationRules.MaxTimes);
        }
        foreach (var t in times)
        {
            if (t.Date is null || t.Start is null || t.Minutes is not (>= 5 and <= 240))
            {
                yield return new FieldError("Times", "Plan.TimeIncomplete");
            }
            else if (t.Date.Value.Year is < 2000 or > 2100 || SchoolCalendar.Zone.IsInvalidTime(t.Date.Value.ToDateTime(t.Start.Value))
                     || SchoolCalendar.ToUtc(t.Date.Value.ToDateTime(t.Start.Value)) <= now)
            {
                yield return new FieldError("Times", "Plan.TimeInPast");
            }
            if (t.Place?.Trim().Length > ConversationRules.MaxPlace)
            {
                yield return new FieldError("Times", "Text.TooLong", ConversationRules.MaxPlace);
            }
        }
    }

    /// <summary>The filled-in times (already validated) as rows of this conversation, earliest first.</summary>
    public static List<PlannedConversationTime> NewTimes(Guid conversationId, IEnumerable<ProposedTime> proposed) =>
        Filled(proposed).Select(t => new PlannedConversationTime
        {
            ConversationId = conversationId, StartsAt = SchoolCalendar.ToUtc(t.Date!.Value.ToDateTime(t.Start!.Value)),
            Minutes = t.Minutes!.Value, Place = Clean(t.Place),
        }).OrderBy(t => t.StartsAt).ToList();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
