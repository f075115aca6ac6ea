using System.Globalization;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Rounds;

/// <summary>What one party prepared: who (a household's guardians, the student, a teacher) and their answers.</summary>
public sealed record PreparedBlock(string Who, IReadOnlyList<QuestionAnswer> Items, DateTime UpdatedAt);

public sealed record StaffPreparationView(
    Guid RoundId, string RoundName, RoundStatus Status, Guid StudentId, string StudentName,
    IReadOnlyList<PreparedBlock> Parents, PreparedBlock? Student, IReadOnlyList<PreparedBlock> Teachers,
    bool CanAnswer, IReadOnlyList<string> OwnQuestions, IReadOnlyList<string> OwnAnswers, Guid? OwnVersion);

/// <summary>
/// A teacher's page for one child's conversation: their own questions, and what the parents (each
/// household) and the student prepared. Reading it is recorded: the answers are personal data.
/// </summary>
public sealed class GetStaffPreparation(AppDbContext db, Access access, AuditLog audit)
{
    public async Task<Result<StaffPreparationView>> HandleAsync(Guid roundId, Guid studentId, CancellationToken ct)
    {
        var staff = await PreparationAccess.ForStaffAsync(db, access, roundId, studentId, ct);
        if (staff is null)
        {
            return Result<StaffPreparationView>.NotFound();
        }
        var round = staff.Round;
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == studentId, ct);
        var text = await InvitationTexts.ForAsync(db, round.SchoolId, round.Form, CultureInfo.CurrentUICulture.Name, ct);
        var rows = await db.Preparations.AsNoTracking().Where(p => p.RoundId == roundId && p.StudentId == studentId).ToListAsync(ct);
        var own = staff.Key is null ? null : rows.FirstOrDefault(r => r.Key == staff.Key);

        var households = rows.Where(r => r.Party == PreparationParty.Parent).Select(r => r.HouseholdId).ToList();
        var guardians = await db.Guardianships.AsNoTracking().Where(x => x.StudentId == studentId)
            .Join(db.Guardians.Where(g => households.Contains(g.HouseholdId)), x => x.GuardianId, g => g.Id,
                (x, g) => new { g.HouseholdId, g.FirstName, g.LastNamePrefix, g.LastName })
            .ToListAsync(ct);
        var teacherIds = rows.Where(r => r.Party == PreparationParty.Teacher && r.Key != staff.Key).Select(r => r.StaffMemberId).ToList();
        var teachers = await db.StaffMembers.AsNoTracking().Where(m => teacherIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.FullName, ct);

        PreparedBlock Block(Preparation p, string who) =>
            new(who, PreparationAnswers.Pair(text.QuestionsFor(p.Party), PreparationAnswers.Parse(p.Answers)), p.UpdatedAt);
        var parents = rows.Where(r => r.Party == PreparationParty.Parent).OrderBy(r => r.UpdatedAt)
            .Select(r => Block(r, string.Join(", ", guardians.Where(g => g.HouseholdId == r.HouseholdId)
                .Select(g => PersonName.Format(g.FirstName, g.LastNamePrefix, g.LastName)).Order())))
            .ToList();
        var studentRow = rows.FirstOrDefault(r => r.Party == PreparationParty.Student);
        var others = rows.Where(r => r.Party == PreparationParty.Teacher && r.Key != staff.Key)
            .Select(r => Block(r, teachers.GetValueOrDefault(r.StaffMemberId ?? Guid.Empty) ?? "")).ToList();

        await audit.RecordReadAsync("preparation", studentId, access.UserId, round.SchoolId, ct);
        return new StaffPreparationView(round.Id, round.Name, round.Status, studentId, student.FullName, parents,
            studentRow is null ? null : Block(studentRow, student.FirstName), others,
            staff.Key is not null, text.TeacherQuestions, PreparationAnswers.Parse(own?.Answers), own?.Version);
    }
}
