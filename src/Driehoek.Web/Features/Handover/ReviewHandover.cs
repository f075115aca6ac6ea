namespace Driehoek.Web.Features.Handover;

/// <param name="Included">the items that go over; every other compiled item stays behind</param>
/// <param name="Line">a line to add, for next year's teacher and the family</param>
/// <param name="Release">release it now: next year's teacher and the family read it from then on, and it no longer changes</param>
public sealed record ReviewHandoverCommand(Guid StudentId, Guid? YearId, Guid? Version, IReadOnlyCollection<Guid> Included, string? Line, bool Release);

/// <summary>
/// The outgoing teacher (or a leader) chooses what goes over, adds a line, and releases the handover; the parents hear of it
/// by e-mail (through the outbox, in the same save). One save; a form
/// made on an older version is refused ("changed meanwhile") so two people reviewing at once never overwrite each other.
/// </summary>
public sealed class ReviewHandover(AppDbContext db, HandoverAccess handoverAccess, Access access, HandoverNotice notice, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(ReviewHandoverCommand command, CancellationToken ct)
    {
        var reader = await handoverAccess.ForStaffAsync(command.StudentId, command.YearId, Act.Change, ct);
        if (reader is null)
        {
            return Result<Guid>.NotFound();
        }
        var line = command.Line?.Trim();
        if (line?.Length > HandoverRules.MaxLine)
        {
            return Result<Guid>.Invalid(new FieldError("Line", "Handover.LineTooLong", HandoverRules.MaxLine));
        }
        var handover = await db.StudentHandovers.FirstOrDefaultAsync(h => h.StudentId == command.StudentId && h.SchoolYearId == reader.Year.Id, ct);
        if (handover is null)
        {
            return Result<Guid>.Invalid(new FieldError("", "Handover.CompileFirst"));
        }
        if (handover.Version != command.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Handover.ChangedMeanwhile"));
        }
        if (handover.Status == HandoverStatus.Released)
        {
            return Result<Guid>.Invalid(new FieldError("", "Handover.AlreadyReleased"));
        }
        var items = await db.HandoverItems.Where(i => i.HandoverId == handover.Id && i.Kind != HandoverItemKind.FamilyLine).ToListAsync(ct);
        if (!string.IsNullOrEmpty(line) && items.Count(i => i.Kind == HandoverItemKind.TeacherLine) >= HandoverRules.MaxTeacherLines)
        {
            return Result<Guid>.Invalid(new FieldError("Line", "Handover.TooManyLines", HandoverRules.MaxTeacherLines));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // The care items the reviewer does not read (a leader) stay as they were: nobody chooses what they cannot see.
        foreach (var item in items.Where(i => reader.Reads(i.Audience)))
        {
            item.Included = command.Included.Contains(item.Id);
        }
        var name = await Records.SaveRecord.AuthorNameAsync(db, reader.SchoolId, access.UserId, ct);
        if (!string.IsNullOrEmpty(line))
        {
            db.HandoverItems.Add(new HandoverItem
            {
                SchoolId = reader.SchoolId, HandoverId = handover.Id, Kind = HandoverItemKind.TeacherLine, Audience = HandoverAudience.Family,
                Text = line, Person = name, AuthorUserId = access.UserId, CreatedAt = now, Included = true,
            });
        }
        if (command.Release)
        {
            handover.Status = HandoverStatus.Released;
            handover.ReleasedAt = now;
            handover.ReleasedByName = name;
            await notice.AddAsync(reader.SchoolId, command.StudentId, name, ct);
        }
        // The handover's version moves with every change to its items, so the next stale form is caught.
        db.Entry(handover).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Handover.ChangedMeanwhile"));
        }
        return handover.Id;
    }
}
