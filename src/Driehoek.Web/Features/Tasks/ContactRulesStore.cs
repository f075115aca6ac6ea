using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Tasks;

public static class ContactRulesStore
{
    /// <summary>The school's rules, or the defaults when it has not saved any.</summary>
    public static async Task<ContactRules> ForAsync(AppDbContext db, Guid schoolId, CancellationToken ct) =>
        await db.Set<ContactRules>().AsNoTracking().FirstOrDefaultAsync(r => r.SchoolId == schoolId, ct) ?? new ContactRules { SchoolId = schoolId };
}

public sealed record ContactRulesView(Guid SchoolId, string SchoolName, ContactRules Rules);

/// <summary>The form's values; grades and thresholds as typed ("4", "5,5").</summary>
public sealed record SaveContactRulesCommand(Guid SchoolId, Guid Version,
    bool LowGradeOn, string? LowGradeBelow, int LowGradeDays,
    bool ChangeOn, string? ChangeAtLeast, int ChangeDays,
    bool WindowOn, int WindowStartMonth, int WindowEndMonth,
    bool PositiveOn, int PositiveWeeks, int EscalateAfterDays);

/// <summary>
/// A leader sets the school's contact arrangement: which rules make tasks, their thresholds and days. Saved with
/// the version the form was loaded with, so two leaders editing at once do not overwrite each other unseen.
/// </summary>
public sealed class SaveContactRules(AppDbContext db, Access access, AuditLog audit)
{
    public const int MaxDays = 90;
    public const int MaxWeeks = 52;

    public async Task<Result<ContactRulesView>> GetAsync(Guid schoolId, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (school is null || !await access.MayAsync(Resource.SchoolSettings, Act.View, Target.School(schoolId), ct))
        {
            return Result<ContactRulesView>.NotFound();
        }
        return new ContactRulesView(schoolId, school, await ContactRulesStore.ForAsync(db, schoolId, ct));
    }

    public async Task<Result<Guid>> HandleAsync(SaveContactRulesCommand c, CancellationToken ct)
    {
        if (!await db.Schools.AnyAsync(s => s.Id == c.SchoolId, ct)
            || !await access.MayAsync(Resource.SchoolSettings, Act.Change, Target.School(c.SchoolId), ct))
        {
            return Result<Guid>.NotFound();
        }
        var errors = new List<FieldError>();
        int below = 0, change = 0;
        if (c.LowGradeBelow is null || !GradeValue.TryHundredths(c.LowGradeBelow, out below))
        {
            errors.Add(new FieldError("lowGradeBelow", "Rules.GradeRange"));
        }
        if (c.ChangeAtLeast is null || !GradeValue.TryHundredths(c.ChangeAtLeast, out change, 0.1m, 9m))
        {
            errors.Add(new FieldError("changeAtLeast", "Rules.ChangeRange"));
        }
        foreach (var (field, value) in new[] { ("lowGradeDays", c.LowGradeDays), ("changeDays", c.ChangeDays), ("escalateAfterDays", c.EscalateAfterDays) })
        {
            if (value is < 0 or > MaxDays)
            {
                errors.Add(new FieldError(field, "Rules.DaysRange", 0, MaxDays));
            }
        }
        if (c.PositiveWeeks is < 1 or > MaxWeeks)
        {
            errors.Add(new FieldError("positiveWeeks", "Rules.WeeksRange", 1, MaxWeeks));
        }
        if (c.WindowStartMonth is < 1 or > 12 || c.WindowEndMonth is < 1 or > 12)
        {
            errors.Add(new FieldError("windowStartMonth", "Rules.MonthRange"));
        }
        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid([.. errors]);
        }
        var row = await db.Set<ContactRules>().FirstOrDefaultAsync(r => r.SchoolId == c.SchoolId, ct);
        if (row is null)
        {
            row = new ContactRules { SchoolId = c.SchoolId };
            db.Add(row);
        }
        else if (row.Version != c.Version)
        {
            return Result<Guid>.Conflict(new FieldError("", "Rules.ChangedMeanwhile"));
        }
        row.LowGradeOn = c.LowGradeOn;
        row.LowGradeBelow = below;
        row.LowGradeDays = c.LowGradeDays;
        row.ChangeOn = c.ChangeOn;
        row.ChangeAtLeast = change;
        row.ChangeDays = c.ChangeDays;
        row.WindowOn = c.WindowOn;
        row.WindowStartMonth = c.WindowStartMonth;
        row.WindowEndMonth = c.WindowEndMonth;
        row.PositiveOn = c.PositiveOn;
        row.PositiveWeeks = c.PositiveWeeks;
        row.EscalateAfterDays = c.EscalateAfterDays;
        audit.Record("contact-rules.saved", "school", c.SchoolId, access.UserId, c.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Conflict(new FieldError("", "Rules.ChangedMeanwhile"));
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Result<Guid>.Conflict(new FieldError("", "Rules.ChangedMeanwhile"));
        }
        return c.SchoolId;
    }
}
