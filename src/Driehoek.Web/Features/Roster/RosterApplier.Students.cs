using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster.Csv;

namespace Driehoek.Web.Features.Roster;

internal sealed partial class RosterApplier
{
    /// <summary>The rows arrive one at a time (read from the file again); only the chunk's entities are tracked.</summary>
    private async Task ApplyStudentsAsync(IEnumerable<StudentRow> rows, CancellationToken ct)
    {
        var students = (await db.Students.AsNoTracking().Where(s => s.SchoolId == school.Id).ToListAsync(ct))
            .ToDictionary(s => s.ExternalId, StringComparer.OrdinalIgnoreCase);
        var enrollments = (await db.Enrollments.AsNoTracking().Where(e => e.SchoolYearId == year.Id).ToListAsync(ct))
            .ToDictionary(e => e.StudentId);
        await LoadGuardiansAsync(ct);
        var links = (await db.Guardianships.AsNoTracking().Where(g => g.SchoolId == school.Id).ToListAsync(ct))
            .ToDictionary(g => (g.StudentId, g.GuardianId));

        var done = 0;
        foreach (var row in rows)
        {
            var group = GroupFor(row.Group, row.Level);
            if (!students.TryGetValue(row.Number, out var student))
            {
                student = AddNew(new Student { SchoolId = school.Id, ExternalId = row.Number, FirstName = row.FirstName, LastName = row.LastName });
                students[row.Number] = student;
            }
            var dateOfBirth = row.DateOfBirth ?? student.DateOfBirth;
            var email = row.Email ?? student.Email;
            if ((student.FirstName, student.LastNamePrefix, student.LastName, student.DateOfBirth, student.Email)
                != (row.FirstName, row.Prefix, row.LastName, dateOfBirth, email))
            {
                Touch(student);
                student.FirstName = row.FirstName;
                student.LastNamePrefix = row.Prefix;
                student.LastName = row.LastName;
                student.DateOfBirth = dateOfBirth;
                student.Email = email;
            }

            if (!enrollments.TryGetValue(student.Id, out var enrollment))
            {
                enrollment = AddNew(new Enrollment { SchoolId = school.Id, StudentId = student.Id, SchoolYearId = year.Id, GroupId = group.Id });
                enrollments[student.Id] = enrollment;
            }
            else if (enrollment.GroupId != group.Id)
            {
                Touch(enrollment).GroupId = group.Id;
            }

            foreach (var g in row.Guardians)
            {
                var guardian = UpsertGuardian(row, g);
                if (!links.TryGetValue((student.Id, guardian.Id), out var link))
                {
                    link = AddNew(new Guardianship
                    {
                        SchoolId = school.Id, StudentId = student.Id, GuardianId = guardian.Id,
                        Relationship = g.Relationship, HasParentalAuthority = g.HasParentalAuthority,
                    });
                    links[(student.Id, guardian.Id)] = link;
                }
                else if ((link.Relationship, link.HasParentalAuthority) != (g.Relationship, g.HasParentalAuthority))
                {
                    Touch(link);
                    link.Relationship = g.Relationship;
                    link.HasParentalAuthority = g.HasParentalAuthority;
                }
            }

            if (++done % ChunkSize == 0)
            {
                await ChunkDoneAsync(done);
            }
        }
        if (done % ChunkSize != 0)
        {
            await ChunkDoneAsync(done);
        }
    }
}
