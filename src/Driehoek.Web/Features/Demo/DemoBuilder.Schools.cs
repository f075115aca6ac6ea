using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Demo;

internal sealed partial class DemoBuilder
{
    private List<Group> PrimaryGroups((School School, SchoolYear Year) s)
    {
        string[] names = ["1/2A", "1/2B", "3", "4", "5", "6", "7", "8"];
        var groups = names.Select((n, i) => AddGroup(s, n.Length == 1 ? $"Groep {n}" : $"Groep {n}", i < 2 ? 2 : int.Parse(n, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var isDemoTeacher = groups[i].Name == "Groep 5";
            var (prefix, last) = Pick(DemoNames.DutchLast);
            var teacher = AddStaff(s.School, $"PO{i + 1:00}", Pick(DemoNames.AdultFirst), prefix, last,
                isDemoTeacher ? _users["leerkracht"] : null);
            Assign(teacher, StaffRole.GroupTeacher, groups[i]);
            if (isDemoTeacher)
            {
                // A duo: two part-time teachers share group 5.
                var duo = AddStaff(s.School, "PO99", "Hanneke", null, "Verbeek");
                Assign(duo, StaffRole.GroupTeacher, groups[i]);
            }
        }
        var care = AddStaff(s.School, "IB01", "Judith", "van", "Loon");
        Assign(care, StaffRole.CareCoordinator);
        var leader = AddStaff(s.School, "DIR", "Karin", null, "Vermeulen", _users["directeur"]);
        Assign(leader, StaffRole.SchoolLeader);
        return groups;
    }

    private List<Group> SecondaryGroups((School School, SchoolYear Year) s)
    {
        var groups = new List<Group>();
        for (var level = 1; level <= 4; level++)
        {
            foreach (var letter in "ABCDEF")
            {
                groups.Add(AddGroup(s, $"{level}{letter}", level));
            }
        }

        // 30 teachers, each with one or two subjects; every class gets every subject.
        var teachers = new List<(StaffMember Member, string Subject)>();
        for (var i = 0; i < 30; i++)
        {
            var subject = DemoNames.Subjects[i % DemoNames.Subjects.Length];
            var (prefix, last) = Pick(DemoNames.DutchLast);
            var user = i == 1 ? _users["vakdocent"] : i == 0 ? _users["mentor"] : null;
            var member = AddStaff(s.School, $"D{i + 1:00}", Pick(DemoNames.AdultFirst), prefix, last, user);
            teachers.Add((member, subject));
        }
        foreach (var group in groups)
        {
            foreach (var subject in DemoNames.Subjects)
            {
                var candidates = teachers.Where(t => t.Subject == subject).ToList();
                var teacher = candidates[(groups.IndexOf(group) + subject.Length) % candidates.Count];
                Assign(teacher.Member, StaffRole.SubjectTeacher, group, subject);
            }
        }
        // Mentors: the demo mentor has 2B; the others are spread over the teachers.
        for (var i = 0; i < groups.Count; i++)
        {
            var mentor = groups[i].Name == "2B" ? teachers[0].Member : teachers[(i + 2) % teachers.Count].Member;
            if (mentor == teachers[0].Member && groups[i].Name != "2B")
            {
                mentor = teachers[3].Member;
            }
            Assign(mentor, StaffRole.Mentor, groups[i]);
        }

        var care = AddStaff(s.School, "ZC01", "Petra", "de", "Haan");
        Assign(care, StaffRole.CareCoordinator);
        for (var level = 1; level <= 4; level += 2)
        {
            var coordinator = AddStaff(s.School, $"CO{level}", Pick(DemoNames.AdultFirst), null, Pick(DemoNames.DutchLast).Last);
            Assign(coordinator, StaffRole.YearCoordinator, level: level);
            Assign(coordinator, StaffRole.YearCoordinator, level: level + 1);
        }
        var head = AddStaff(s.School, "AL01", "Wouter", null, "Smeets");
        Assign(head, StaffRole.DepartmentHead);
        var rector = AddStaff(s.School, "REC", "Monique", null, "Aerts", _users["rector"]);
        Assign(rector, StaffRole.SchoolLeader);
        return groups;
    }
}
