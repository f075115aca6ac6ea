using System.Globalization;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Demo;

internal sealed partial class DemoBuilder
{
    private int _studentNumber = 100_000;
    private int _householdNumber;

    private sealed record Background(string Language, string[] First, string[] Last);

    private void AddFamilies((School School, SchoolYear Year) primary, List<Group> primaryGroups,
        (School School, SchoolYear Year) secondary, List<Group> secondaryGroups)
    {
        var seats = primaryGroups.SelectMany(g => Enumerable.Repeat((primary.School, Group: g), 25))
            .Concat(secondaryGroups.SelectMany(g => Enumerable.Repeat((secondary.School, Group: g), 25)))
            .ToList();

        // The demo parent: one child in group 5 and one in class 2B (who is also the demo student).
        var family = NewFamily(new Background("nl", DemoNames.DutchFirst, []), ("de", "Vries"), separated: false);
        family.Guardians[0].UserId = _users["ouder"].Id;
        family.Guardians[0].FirstName = "Anouk";
        var emma = TakeSeat(seats, primary.School, primaryGroups.Single(g => g.Name == "Groep 5"), family, "Emma");
        var student = TakeSeat(seats, secondary.School, secondaryGroups.Single(g => g.Name == "2B"), family, "Daan");
        student.UserId = _users["leerling"].Id;
        student.Email = _users["leerling"].Email;
        _scripted.UnionWith([emma.Id, student.Id]);
        AddSignInFamilies(seats, primary.School, primaryGroups, secondary.School, secondaryGroups);

        var shuffled = seats.OrderBy(_ => _random.Next()).ToList();
        var open = new List<DemoFamily>();
        foreach (var (school, group) in shuffled)
        {
            // About a third of the children have a brother or sister at one of the two schools.
            var sibling = open.Count > 0 && _random.NextDouble() < 0.3 ? Pick(open) : null;
            var target = sibling ?? NewFamily(PickBackground(), null, separated: _random.NextDouble() < 0.1);
            if (target.Groups.Contains(group.Id))
            {
                target = NewFamily(PickBackground(), null, separated: _random.NextDouble() < 0.1);
            }
            TakeSeat(null, school, group, target, null);
            if (target.Groups.Count >= 3)
            {
                open.Remove(target);
            }
            else if (!open.Contains(target))
            {
                open.Add(target);
            }
        }
    }

    private sealed record DemoFamily(Background Background, (string? Prefix, string Last) Name, List<Guardian> Guardians, List<Guid> Groups);

    private Background PickBackground()
    {
        var r = _random.NextDouble();
        return r switch
        {
            < 0.70 => new Background("nl", DemoNames.DutchFirst, []),
            < 0.78 => new Background("tr", DemoNames.TurkishFirst, DemoNames.TurkishLast),
            < 0.86 => new Background("ar", DemoNames.ArabicFirst, DemoNames.ArabicLast),
            < 0.91 => new Background("pl", DemoNames.PolishFirst, DemoNames.PolishLast),
            < 0.96 => new Background("uk", DemoNames.UkrainianFirst, DemoNames.UkrainianLast),
            _ => new Background("en", DemoNames.EnglishFirst, DemoNames.EnglishLast),
        };
    }

    private DemoFamily NewFamily(Background background, (string? Prefix, string Last)? name, bool separated)
    {
        var familyName = name ?? (background.Last.Length == 0 ? Pick(DemoNames.DutchLast) : (null, Pick(background.Last)));
        var guardians = new List<Guardian>();
        var household = NewHousehold();
        var count = separated || _random.NextDouble() < 0.85 ? 2 : 1;
        for (var i = 0; i < count; i++)
        {
            if (separated && i == 1)
            {
                household = NewHousehold();
            }
            var first = Pick(DemoNames.AdultFirst);
            var withEmail = _random.NextDouble() < 0.9;
            var number = ++_householdNumber;
            var guardian = new Guardian
            {
                BoardId = _board.Id, HouseholdId = household.Id, FirstName = first,
                LastNamePrefix = familyName.Prefix, LastName = familyName.Last,
                Email = withEmail ? $"{first.ToLowerInvariant()}.{number}@ouders.{DemoSeeder.Domain}" : null,
                Phone = $"06-{_random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture)}",
                PreferredLanguage = background.Language != "nl" && _random.NextDouble() < 0.6 ? background.Language : "nl",
                ExternalKey = $"demo:{number}",
            };
            db.Guardians.Add(guardian);
            guardians.Add(guardian);
        }
        return new DemoFamily(background, familyName, guardians, []);
    }

    private Household NewHousehold()
    {
        var household = new Household { BoardId = _board.Id, Key = $"demo:{++_householdNumber}" };
        db.Households.Add(household);
        return household;
    }

    private Student TakeSeat(List<(School School, Group Group)>? seats, School school, Group group, DemoFamily family, string? firstName,
        bool? secondAuthority = null)
    {
        seats?.Remove((school, group));
        var level = group.Level ?? 1;
        var age = school.Kind == SchoolKind.Primary ? level + 4 : level + 11;
        var start = SchoolCalendar.YearContaining(SchoolCalendar.Today(clock)).Start;
        var student = new Student
        {
            SchoolId = school.Id, ExternalId = (++_studentNumber).ToString(CultureInfo.InvariantCulture),
            FirstName = firstName ?? Pick(family.Background.First), LastNamePrefix = family.Name.Prefix, LastName = family.Name.Last,
            DateOfBirth = start.AddYears(-age).AddDays(-_random.Next(0, 365)),
        };
        db.Students.Add(student);
        db.Enrollments.Add(new Enrollment { SchoolId = school.Id, StudentId = student.Id, GroupId = group.Id, SchoolYearId = group.SchoolYearId });
        for (var i = 0; i < family.Guardians.Count; i++)
        {
            // In a separated family the second parent sometimes has no parental authority.
            var authority = i == 0 || family.Guardians[0].HouseholdId == family.Guardians[i].HouseholdId
                || (secondAuthority ?? _random.NextDouble() < 0.6);
            db.Guardianships.Add(new Guardianship
            {
                SchoolId = school.Id, StudentId = student.Id, GuardianId = family.Guardians[i].Id,
                Relationship = GuardianRelationship.Parent, HasParentalAuthority = authority,
            });
        }
        family.Groups.Add(group.Id);
        return student;
    }
}
