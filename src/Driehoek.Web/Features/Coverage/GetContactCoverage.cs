using Driehoek.Web.Features.Contacts;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Web.Features.Coverage;

/// <summary>One group's contact with its families this school year, in counts only.</summary>
public sealed record ContactCoverageLine(Guid? GroupId, string Name, int Families, int NotContacted, int Positive, int Concern, int TasksDue, int TasksOnTime);

public sealed record ContactCoverageView(Guid SchoolId, string SchoolName, string? YearName, IReadOnlyList<ContactCoverageLine> Groups, ContactCoverageLine Total);

/// <summary>
/// How the contact arrangement is kept, per group of the school this year (issue 13, item 4): families the school has
/// not been in contact with since the year began (as the contact rules count contact), logged contacts by tone, and the
/// tasks due so far and how many of them were done on time. Counts only: who is behind is on the task oversight page.
/// </summary>
public sealed class GetContactCoverage(AppDbContext db, Access access, IContactHistory history, TimeProvider clock)
{
    public async Task<Result<ContactCoverageView>> HandleAsync(Guid schoolId, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (school is null || !await access.MayAsync(Resource.CycleCoverage, Act.View, Target.School(schoolId), ct))
        {
            return Result<ContactCoverageView>.NotFound();
        }
        var today = SchoolCalendar.Today(clock);
        var year = await SchoolCalendar.CurrentYearAsync(db, schoolId, today, ct);
        if (year is null)
        {
            return new ContactCoverageView(school.Id, school.Name, null, [], new ContactCoverageLine(null, "", 0, 0, 0, 0, 0, 0));
        }
        var since = SchoolCalendar.ToUtc(year.StartsOn.ToDateTime(TimeOnly.MinValue));
        var groups = await db.Groups.AsNoTracking().Where(g => g.SchoolId == schoolId && g.SchoolYearId == year.Id)
            .OrderBy(g => g.Level).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var groupOf = (await db.Enrollments.AsNoTracking().Where(e => e.SchoolId == schoolId && e.SchoolYearId == year.Id)
            .Select(e => new { e.StudentId, e.GroupId }).ToListAsync(ct)).DistinctBy(e => e.StudentId).ToDictionary(e => e.StudentId, e => e.GroupId);
        var contacted = await history.LastContactsAsync(schoolId, since, positiveOnly: false, ct);
        var tones = await db.ContactEntries.AsNoTracking()
            .Where(c => c.SchoolId == schoolId && c.At >= since && c.Tone != null)
            .Select(c => new { c.StudentId, Tone = c.Tone!.Value }).ToListAsync(ct);
        var tasks = await db.Set<StaffTask>().AsNoTracking()
            .Where(t => t.SchoolId == schoolId && t.CreatedAt >= since && (t.DueOn <= today || t.State == TaskState.Done))
            .Select(t => new { t.GroupId, t.StudentId, t.DueOn, t.DoneAt }).ToListAsync(ct);

        Guid? GroupOf(Guid? student) => student is { } s && groupOf.TryGetValue(s, out var g) ? g : null;
        // Each list split by group once: a large school has a hundred groups and thousands of rows in each list.
        var studentsOf = groupOf.ToLookup(e => e.Value, e => e.Key);
        var tasksOf = tasks.ToLookup(t => t.GroupId ?? GroupOf(t.StudentId));
        var tonesOf = tones.ToLookup(c => GroupOf(c.StudentId));
        var lines = groups.Select(g =>
        {
            var students = studentsOf[g.Id].ToList();
            var own = tasksOf[g.Id].ToList();
            var ownTones = tonesOf[g.Id].ToList();
            return new ContactCoverageLine(g.Id, g.Name, students.Count, students.Count(s => !contacted.ContainsKey(s)),
                ownTones.Count(c => c.Tone == ContactTone.Positive), ownTones.Count(c => c.Tone == ContactTone.Concern),
                own.Count, own.Count(t => t.DoneAt is { } done && DateOnly.FromDateTime(SchoolCalendar.ToLocal(done)) <= t.DueOn));
        }).ToList();
        var total = new ContactCoverageLine(null, school.Name, lines.Sum(l => l.Families), lines.Sum(l => l.NotContacted), lines.Sum(l => l.Positive),
            lines.Sum(l => l.Concern), lines.Sum(l => l.TasksDue), lines.Sum(l => l.TasksOnTime));
        return new ContactCoverageView(school.Id, school.Name, year.Name, lines, total);
    }
}
