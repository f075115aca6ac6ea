using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Agreements;

/// <summary>A staff member at a student's agreements: whether they may change them, and as which staff record.</summary>
public sealed record StaffAtAgreements(Guid StudentId, Guid SchoolId, bool MayChange, Guid? StaffMemberId);

/// <summary>A parent (<see cref="GuardianId"/>) or the student at the student's agreements.</summary>
public sealed record FamilyAtAgreements(Guid StudentId, Guid SchoolId, Guid? GuardianId, bool StudentsSee)
{
    public bool IsStudent => GuardianId is null;

    /// <summary>The student sees their agreements only where the school shows them; a parent always.</summary>
    public bool SeesAgreements => !IsStudent || StudentsSee;
}

/// <summary>
/// Who reaches a student's agreements. Staff through the access matrix's <see cref="Resource.Agreements"/> rows,
/// where a teacher who met the family (a booking with this student that was not cancelled) is a
/// <see cref="Relation.MetTeacher"/>. The family through <see cref="Resource.FamilyAgreements"/>: a parent
/// without parental authority only where the school shares conversation outcomes (the matrix asks
/// <see cref="AccessMatrix.GuardianPurposeOf"/>), the student only where the school shows agreements to students.
/// </summary>
public sealed class AgreementAccess(AppDbContext db, Access access)
{
    public async Task<StaffAtAgreements?> ForStaffAsync(Guid studentId, Act act, CancellationToken ct)
    {
        var schoolId = await db.Students.AsNoTracking().Where(s => s.Id == studentId).Select(s => (Guid?)s.SchoolId).FirstOrDefaultAsync(ct);
        if (schoolId is null)
        {
            return null;
        }
        var relations = await StaffRelationsAsync(studentId, ct);
        if (!await access.PermitsAsync(Resource.Agreements, act, relations, schoolId, ct))
        {
            return null;
        }
        var profile = await access.ProfileAsync(ct);
        var own = profile.Staff.FirstOrDefault(s => s.SchoolId == schoolId)?.StaffMemberId;
        return new StaffAtAgreements(studentId, schoolId.Value, AccessMatrix.Allows(Resource.Agreements, Act.Change, relations), own);
    }

    public async Task<IReadOnlySet<Relation>> StaffRelationsAsync(Guid studentId, CancellationToken ct)
    {
        var relations = new HashSet<Relation>(await access.RelationsAsync(Target.Student(studentId), ct));
        var own = (await access.ProfileAsync(ct)).Staff.Select(s => s.StaffMemberId).Distinct().ToList();
        if (own.Count > 0 && await db.Bookings.AsNoTracking()
                .AnyAsync(b => b.StudentId == studentId && own.Contains(b.StaffMemberId) && b.Status != BookingStatus.Cancelled, ct))
        {
            relations.Add(Relation.MetTeacher);
        }
        return relations;
    }

    public async Task<FamilyAtAgreements?> ForFamilyAsync(Guid studentId, Act act, CancellationToken ct)
    {
        if (!await access.MayAsync(Resource.FamilyAgreements, act, Target.Student(studentId), ct))
        {
            return null;
        }
        var profile = await access.ProfileAsync(ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Join(db.Schools, s => s.SchoolId, x => x.Id, (s, x) => new { x.Id, x.Kind }).SingleAsync(ct);
        var studentsSee = await StudentsSeeAsync(db, student.Id, student.Kind, ct);
        return new FamilyAtAgreements(studentId, student.Id, profile.Children.GetValueOrDefault(studentId)?.GuardianId, studentsSee);
    }

    /// <summary>The school's choice, or the default: secondary students see their agreements, primary pupils do not.</summary>
    public static async Task<bool> StudentsSeeAsync(AppDbContext db, Guid schoolId, SchoolKind kind, CancellationToken ct) =>
        await db.AgreementSettings.AsNoTracking().Where(s => s.SchoolId == schoolId).Select(s => (bool?)s.StudentsSee).FirstOrDefaultAsync(ct)
        ?? kind == SchoolKind.Secondary;
}
