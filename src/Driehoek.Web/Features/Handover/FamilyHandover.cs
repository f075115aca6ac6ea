namespace Driehoek.Web.Features.Handover;

public sealed record FamilyHandoverItem(HandoverItemKind Kind, string Text, string? Person, DateOnly? On, DateTime CreatedAt, bool Own);

public sealed record FamilyHandoverYear(
    Guid Id, string YearName, DateTime ReleasedAt, string? ReleasedByName, bool ReadByNewTeacher, IReadOnlyList<FamilyHandoverItem> Items, int OwnLines);

/// <param name="Handovers">the released handovers, newest first; empty for a student below the school's age</param>
public sealed record FamilyHandoverView(Guid StudentId, string FirstName, bool IsStudent, bool Reads, int? StudentsFromAge, IReadOnlyList<FamilyHandoverYear> Handovers);

public sealed record AddFamilyLineCommand(Guid StudentId, Guid HandoverId, string? Text);

/// <summary>
/// What was handed over about a child, as the family reads it: only released handovers, only what goes to the family
/// (never a staff-only or care item), a summary only to the household whose conversation it was. A parent with
/// parental authority, and the student from the age the school sets, add a short line that next year's teacher reads.
/// </summary>
public sealed class GetFamilyHandover(AppDbContext db, HandoverAccess handoverAccess)
{
    public async Task<Result<FamilyHandoverView>> HandleAsync(Guid studentId, Guid? userId, CancellationToken ct)
    {
        var family = await handoverAccess.ForFamilyAsync(studentId, Act.View, ct);
        if (family is null)
        {
            return Result<FamilyHandoverView>.NotFound();
        }
        if (!family.Reads)
        {
            return new FamilyHandoverView(studentId, family.FirstName, family.IsStudent, false, family.StudentsFromAge, []);
        }
        var handovers = await db.StudentHandovers.AsNoTracking().Where(h => h.StudentId == studentId && h.Status == HandoverStatus.Released)
            .Join(db.SchoolYears, h => h.SchoolYearId, y => y.Id, (h, y) => new { h.Id, y.Name, y.StartsOn, h.ReleasedAt, h.ReleasedByName, h.ReadAt })
            .ToListAsync(ct);
        var ids = handovers.Select(h => h.Id).ToList();
        var items = (await db.HandoverItems.AsNoTracking()
                .Where(i => ids.Contains(i.HandoverId) && i.Included && i.Audience == HandoverAudience.Family
                            && (family.IsStudent || i.HouseholdId == null || i.HouseholdId == family.HouseholdId))
                .ToListAsync(ct))
            .ToLookup(i => i.HandoverId);
        return new FamilyHandoverView(studentId, family.FirstName, family.IsStudent, true, family.StudentsFromAge,
            handovers.OrderByDescending(h => h.StartsOn).Select(h => new FamilyHandoverYear(h.Id, h.Name, h.ReleasedAt!.Value, h.ReleasedByName,
                h.ReadAt is not null,
                items[h.Id].OrderBy(i => i.Kind).ThenBy(i => i.CreatedAt)
                    .Select(i => new FamilyHandoverItem(i.Kind, i.Text, i.Person, i.On, i.CreatedAt, userId is not null && i.AuthorUserId == userId)).ToList(),
                items[h.Id].Count(i => i.Kind == HandoverItemKind.FamilyLine && userId is not null && i.AuthorUserId == userId))).ToList());
    }
}

/// <summary>A parent or the student adds a short line to a released handover: shown as text, at most a few per person.</summary>
public sealed class AddFamilyLine(AppDbContext db, HandoverAccess handoverAccess, Access access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(AddFamilyLineCommand command, CancellationToken ct)
    {
        var family = await handoverAccess.ForFamilyAsync(command.StudentId, Act.Change, ct);
        if (family is null)
        {
            return Result<Guid>.NotFound();
        }
        if (!family.Reads)
        {
            return Result<Guid>.Invalid(new FieldError("Text", "Family.NotYet"));
        }
        var text = command.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Result<Guid>.Invalid(new FieldError("Text", "Family.TextRequired"));
        }
        if (text.Length > HandoverRules.MaxFamilyLine)
        {
            return Result<Guid>.Invalid(new FieldError("Text", "Family.TooLong", HandoverRules.MaxFamilyLine));
        }
        var handover = await db.StudentHandovers.AsNoTracking()
            .FirstOrDefaultAsync(h => h.Id == command.HandoverId && h.StudentId == command.StudentId && h.Status == HandoverStatus.Released, ct);
        if (handover is null)
        {
            return Result<Guid>.Invalid(new FieldError("Text", "Family.NoHandover"));
        }
        var userId = access.UserId!.Value;
        if (await db.HandoverItems.CountAsync(i => i.HandoverId == handover.Id && i.Kind == HandoverItemKind.FamilyLine && i.AuthorUserId == userId, ct)
            >= HandoverRules.MaxFamilyLinesPerPerson)
        {
            return Result<Guid>.Invalid(new FieldError("Text", "Family.TooMany", HandoverRules.MaxFamilyLinesPerPerson));
        }
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var line = new HandoverItem
        {
            SchoolId = handover.SchoolId, HandoverId = handover.Id, Kind = HandoverItemKind.FamilyLine, Audience = HandoverAudience.Family,
            Text = text, Person = name, AuthorUserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime, Included = true,
        };
        db.HandoverItems.Add(line);
        await db.SaveChangesAsync(ct);
        return line.Id;
    }
}
