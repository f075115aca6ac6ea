using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Infrastructure;

/// <summary>Many families at once, in one save: the large school's lists and sends without a thousand round trips.</summary>
internal static class BulkFamilies
{
    /// <summary>
    /// A child (with an e-mail address) and a parent for each, named "{tag}000" onwards; the parent of every
    /// <paramref name="withoutEmailEvery"/>-th family has no e-mail address, and the first <paramref name="separated"/>
    /// children have a second parent in a household of their own.
    /// </summary>
    public static Task AddAsync(TestApp app, SchoolBuilder school, Group group, int count, string tag, int withoutEmailEvery = 0, int separated = 0) =>
        app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var n = $"{tag}{i:000}";
                var student = new Student
                {
                    SchoolId = school.Id, ExternalId = $"{n}-{Guid.NewGuid():N}"[..20], FirstName = "Kind", LastName = n,
                    Email = $"kind.{n}@test.invalid".ToLowerInvariant(),
                };
                db.AddRange(student, new Enrollment { SchoolId = school.Id, StudentId = student.Id, GroupId = group.Id, SchoolYearId = school.Year.Id });
                var email = withoutEmailEvery > 0 && i % withoutEmailEvery == 0 ? null : $"{n}@test.invalid".ToLowerInvariant();
                Parent(db, school, student, n, email);
                if (i < separated)
                {
                    Parent(db, school, student, n + "b", $"{n}b@test.invalid".ToLowerInvariant());
                }
            }
            await db.SaveChangesAsync();
        });

    private static void Parent(AppDbContext db, SchoolBuilder school, Student child, string name, string? email)
    {
        var household = new Household { BoardId = school.BoardId };
        var guardian = new Guardian
        {
            BoardId = school.BoardId, HouseholdId = household.Id, ExternalKey = $"bulk:{name}:{Guid.NewGuid():N}", FirstName = "Ouder", LastName = name,
            Email = email,
        };
        db.AddRange(household, guardian, new Guardianship { SchoolId = school.Id, StudentId = child.Id, GuardianId = guardian.Id });
    }
}
