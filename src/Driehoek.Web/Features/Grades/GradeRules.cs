using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Web.Features.Grades;

/// <summary>
/// The school's rules about report grades, applied to the grades of an import: a grade below the threshold makes a
/// task for the subject teacher of the student's group (the mentor informed; without a subject teacher, the mentor
/// owns it), and a notable fall or rise of the student's average since the previous report period a task for the
/// mentor. Each occurrence is keyed (student, subject, period; student, period), so importing again makes none.
/// </summary>
public sealed class GradeRules(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<NewTask>> TasksForAsync(Guid schoolId, IReadOnlyList<PlannedGrade> grades, CancellationToken ct)
    {
        var rules = await ContactRulesStore.ForAsync(db, schoolId, ct);
        if (grades.Count == 0 || (!rules.LowGradeOn && !rules.ChangeOn))
        {
            return [];
        }
        var today = SchoolCalendar.Today(clock);
        var staffing = await Staffing.LoadAsync(db, schoolId, today, ct);
        var tasks = new List<NewTask>();
        if (rules.LowGradeOn)
        {
            foreach (var g in grades.Where(x => x.Row.Hundredths < rules.LowGradeBelow))
            {
                if (staffing.GroupOf(g.StudentId) is not { } group)
                {
                    continue;
                }
                var mentor = staffing.MentorOf(group);
                if ((staffing.SubjectTeacherOf(group, g.Row.Subject) ?? staffing.LeadOf(group)) is not { } owner)
                {
                    continue;
                }
                tasks.Add(new NewTask(schoolId, TaskKind.LowGrade, $"{g.StudentId:N}/{g.Row.Subject}/{g.Row.Period}", owner,
                    today.AddDays(rules.LowGradeDays), g.StudentId, group, mentor == owner ? null : mentor, g.Row.Subject, g.Row.Period,
                    GradeValue.Format(g.Row.Hundredths)));
            }
        }
        if (rules.ChangeOn)
        {
            tasks.AddRange(await ChangesAsync(schoolId, grades, rules, staffing, today, ct));
        }
        return tasks;
    }

    /// <summary>Per student and period of the import: the average over the subjects graded in this period and the one before.</summary>
    private async Task<IEnumerable<NewTask>> ChangesAsync(Guid schoolId, IReadOnlyList<PlannedGrade> grades, ContactRules rules,
        Staffing staffing, DateOnly today, CancellationToken ct)
    {
        var record = (await db.Set<ReportGrade>().AsNoTracking().Where(g => g.SchoolId == schoolId)
                .Select(g => new { g.StudentId, g.Subject, g.Period, g.Hundredths }).ToListAsync(ct))
            .ToLookup(g => g.StudentId);
        var result = new List<NewTask>();
        foreach (var (studentId, period) in grades.Select(g => (g.StudentId, g.Row.Period)).Distinct())
        {
            var mine = record[studentId].ToList();
            var previous = mine.Select(g => g.Period).Distinct().Where(p => PeriodOrder.Compare(p, period) < 0)
                .OrderBy(p => p, Comparer<string>.Create(PeriodOrder.Compare)).LastOrDefault();
            if (previous is null || staffing.GroupOf(studentId) is not { } group || staffing.LeadOf(group) is not { } owner)
            {
                continue;
            }
            var before = mine.Where(g => g.Period == previous).ToDictionary(g => g.Subject, g => g.Hundredths);
            var now = mine.Where(g => g.Period == period && before.ContainsKey(g.Subject)).ToList();
            if (now.Count == 0)
            {
                continue;
            }
            var averageNow = (int)Math.Round(now.Average(g => g.Hundredths));
            var averageBefore = (int)Math.Round(now.Average(g => before[g.Subject]));
            var change = averageNow - averageBefore;
            if (Math.Abs(change) < rules.ChangeAtLeast)
            {
                continue;
            }
            result.Add(new NewTask(schoolId, change < 0 ? TaskKind.GradesFell : TaskKind.GradesRose, $"{studentId:N}/{period}", owner,
                today.AddDays(rules.ChangeDays), studentId, group, Period: period,
                Detail: $"{GradeValue.Format(averageBefore)} → {GradeValue.Format(averageNow)}"));
        }
        return result;
    }
}
