using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Agreements;

public sealed record StudentAgreements(
    Guid StudentId, string StudentName, Guid SchoolId, bool MayChange, IReadOnlyList<AgreementView> Agreements, IReadOnlyList<OwnerChoice> Owners);

public sealed record FamilyAgreements(Guid StudentId, string StudentName, bool IsStudent, bool SeesAgreements, IReadOnlyList<AgreementView> Agreements);

/// <summary>A student's agreements for staff who keep them (audit-logged, as a read of the student's record), and for the family.</summary>
public sealed class GetAgreements(AppDbContext db, AgreementAccess agreements, Access access, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<StudentAgreements>> ForStaffAsync(Guid studentId, CancellationToken ct)
    {
        var staff = await agreements.ForStaffAsync(studentId, Act.View, ct);
        if (staff is null)
        {
            return Result<StudentAgreements>.NotFound();
        }
        var list = await AgreementList.OfStudentAsync(db, studentId, SchoolCalendar.Today(clock), onlyOpen: false, ct);
        var owners = staff.MayChange ? await AgreementOwners.ChoicesAsync(db, studentId, staff.SchoolId, staff.StaffMemberId, ct) : [];
        await audit.RecordReadAsync("student-agreements", studentId, access.UserId, staff.SchoolId, ct);
        return new StudentAgreements(studentId, await FullNameAsync(studentId, ct), staff.SchoolId, staff.MayChange, list, owners);
    }

    /// <summary>One agreement to change, for whoever may change the student's agreements.</summary>
    public async Task<Result<(StudentAgreements Student, AgreementView Agreement)>> ForEditAsync(Guid agreementId, CancellationToken ct)
    {
        var studentId = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId).Select(a => (Guid?)a.StudentId).FirstOrDefaultAsync(ct);
        var student = studentId is null ? null : await ForStaffAsync(studentId.Value, ct);
        if (student is not { Ok: true } || !student.Value!.MayChange)
        {
            return Result<(StudentAgreements, AgreementView)>.NotFound();
        }
        return (student.Value, student.Value.Agreements.Single(a => a.Id == agreementId));
    }

    public async Task<Result<FamilyAgreements>> ForFamilyAsync(Guid studentId, CancellationToken ct)
    {
        var family = await agreements.ForFamilyAsync(studentId, Act.View, ct);
        if (family is null)
        {
            return Result<FamilyAgreements>.NotFound();
        }
        var list = family.SeesAgreements ? await AgreementList.OfStudentAsync(db, studentId, SchoolCalendar.Today(clock), onlyOpen: false, ct) : [];
        // A parent sees their own answer, not the other household's.
        var userId = access.UserId;
        list = list.Select(a => a with { Responses = a.Responses.Where(r => r.UserId == userId).ToList() }).ToList();
        return new FamilyAgreements(studentId, await NameAsync(studentId, ct), family.IsStudent, family.SeesAgreements, list);
    }

    private async Task<string> FullNameAsync(Guid studentId, CancellationToken ct) =>
        (await db.Students.AsNoTracking().SingleAsync(s => s.Id == studentId, ct)).FullName;

    private Task<string> NameAsync(Guid studentId, CancellationToken ct) =>
        db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => s.FirstName).SingleAsync(ct);
}
