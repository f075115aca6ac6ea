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
        var guardians = (await db.Guardians.Where(g => g.BoardId == school.BoardId).ToListAsync(ct))
            .ToDictionary(g => g.ExternalKey);
        var households = (await db.Households.Where(h => h.BoardId == school.BoardId && h.Key != null).ToListAsync(ct))
            .ToDictionary(h => h.Key!);
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
                var guardian = UpsertGuardian(g, guardians, households);
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

    private Guardian UpsertGuardian(GuardianRow g, Dictionary<string, Guardian> guardians, Dictionary<string, Household> households)
    {
        if (!households.TryGetValue(g.HouseholdKey, out var household))
        {
            household = new Household { BoardId = school.BoardId, Key = g.HouseholdKey };
            db.Households.Add(household);
            households[g.HouseholdKey] = household;
        }
        if (!guardians.TryGetValue(g.Key, out var guardian))
        {
            guardian = new Guardian { BoardId = school.BoardId, ExternalKey = g.Key, FirstName = g.FirstName, LastName = g.LastName };
            db.Guardians.Add(guardian);
            guardians[g.Key] = guardian;
        }
        guardian.FirstName = g.FirstName;
        guardian.LastNamePrefix = g.Prefix;
        guardian.LastName = g.LastName;
        guardian.Email = g.Email ?? guardian.Email;
        guardian.Phone = g.Phone ?? guardian.Phone;
        guardian.PreferredLanguage = g.Language;
        guardian.HouseholdId = household.Id;
        return guardian;
    }
}
