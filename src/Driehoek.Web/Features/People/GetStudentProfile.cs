using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.People;

public sealed record GuardianContact(
    Guid Id, string Name, GuardianRelationship Relationship, bool HasParentalAuthority,
    string? Email, string? Phone, string Language, bool HasAccount, Guid? HouseholdId);

public sealed record StudentProfile(
    Guid Id, string ExternalId, string Name, DateOnly? DateOfBirth, Guid SchoolId, string SchoolName,
    Guid? GroupId, string? GroupName, bool HasAccount, IReadOnlyList<GuardianContact> Guardians);

/// <summary>
/// A student's record with guardians' contact details, for staff who work with the student.
/// Contact details are personal data: every read is written to the audit log.
/// </summary>
public sealed class GetStudentProfile(AppDbContext db, Access access, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<StudentProfile>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.StudentRecord, Act.View, Target.Student(studentId), ct))
        {
            return Result<StudentProfile>.NotFound();
        }
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == studentId, ct);
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == student.SchoolId, ct);
        var year = await SchoolCalendar.CurrentYearAsync(db, school.Id, SchoolCalendar.Today(clock), ct);
        var group = await db.Enrollments.AsNoTracking()
            .Where(e => e.StudentId == studentId && e.SchoolYearId == year!.Id)
            .Join(db.Groups, e => e.GroupId, g => g.Id, (e, g) => new { g.Id, g.Name })
            .FirstOrDefaultAsync(ct);
        var guardians = await db.Guardianships.AsNoTracking().Where(x => x.StudentId == studentId)
            .Join(db.Guardians, x => x.GuardianId, g => g.Id, (x, g) => new { x, g })
            .ToListAsync(ct);

        await audit.RecordReadAsync("student-profile", studentId, access.UserId, school.Id, ct);

        return new StudentProfile(student.Id, student.ExternalId, student.FullName, student.DateOfBirth, school.Id, school.Name,
            group?.Id, group?.Name, student.UserId is not null,
            guardians.OrderByDescending(x => x.x.HasParentalAuthority).ThenBy(x => x.g.LastName)
                .Select(x => new GuardianContact(x.g.Id, x.g.FullName, x.x.Relationship, x.x.HasParentalAuthority,
                    x.g.Email, x.g.Phone, x.g.PreferredLanguage, x.g.UserId is not null, x.g.HouseholdId))
                .ToList());
    }
}
