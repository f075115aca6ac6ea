using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster.Csv;

namespace Driehoek.Web.Features.Roster;

internal sealed partial class RosterApplier
{
    private async Task ApplyStudentsAsync(IReadOnlyList<StudentRow> rows, CancellationToken ct)
    {
        var students = (await db.Students.Where(s => s.SchoolId == school.Id).ToListAsync(ct))
            .ToDictionary(s => s.ExternalId, StringComparer.OrdinalIgnoreCase);
        var enrollments = (await db.Enrollments.Where(e => e.SchoolYearId == year.Id).ToListAsync(ct))
            .ToDictionary(e => e.StudentId);
        await LoadGuardiansAsync(ct);
        var links = (await db.Guardianships.Where(g => g.SchoolId == school.Id).ToListAsync(ct))
            .ToDictionary(g => (g.StudentId, g.GuardianId));

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var group = GroupFor(row.Group, row.Level);
            if (!students.TryGetValue(row.Number, out var student))
            {
                student = new Student { SchoolId = school.Id, ExternalId = row.Number, FirstName = row.FirstName, LastName = row.LastName };
                db.Students.Add(student);
                students[row.Number] = student;
            }
            student.FirstName = row.FirstName;
            student.LastNamePrefix = row.Prefix;
            student.LastName = row.LastName;
            student.DateOfBirth = row.DateOfBirth ?? student.DateOfBirth;
            student.Email = row.Email ?? student.Email;

            if (!enrollments.TryGetValue(student.Id, out var enrollment))
            {
                enrollment = new Enrollment { SchoolId = school.Id, StudentId = student.Id, SchoolYearId = year.Id, GroupId = group.Id };
                db.Enrollments.Add(enrollment);
                enrollments[student.Id] = enrollment;
            }
            enrollment.GroupId = group.Id;

            foreach (var g in row.Guardians)
            {
                var guardian = UpsertGuardian(row, g);
                if (!links.TryGetValue((student.Id, guardian.Id), out var link))
                {
                    link = new Guardianship { SchoolId = school.Id, StudentId = student.Id, GuardianId = guardian.Id };
                    db.Guardianships.Add(link);
                    links[(student.Id, guardian.Id)] = link;
                }
                link.Relationship = g.Relationship;
                link.HasParentalAuthority = g.HasParentalAuthority;
            }

            if ((i + 1) % ChunkSize == 0 || i == rows.Count - 1)
            {
                await ChunkDoneAsync(i + 1);
            }
        }
    }
}
