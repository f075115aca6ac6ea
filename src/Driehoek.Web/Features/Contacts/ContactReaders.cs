namespace Driehoek.Web.Features.Contacts;

/// <summary>Who reads what of the contact log, beyond the access matrix's row (which only says whether one reads it at all).</summary>
public static class ContactReaders
{
    /// <summary>The student themself, not also a guardian: their reports and concerns are their own.</summary>
    public static bool AsStudent(IReadOnlySet<Relation> relations) =>
        relations.Contains(Relation.Student) && !relations.Contains(Relation.Guardian) && !relations.Contains(Relation.GuardianWithoutAuthority);

    /// <summary>The whole log: those who lead the group and the school-wide roles; a subject teacher reads only their own contacts.</summary>
    public static bool ReadsAll(IReadOnlySet<Relation> relations) =>
        relations.Overlaps([Relation.GroupTeacher, Relation.Mentor, Relation.CareCoordinator, Relation.YearCoordinator, Relation.DepartmentHead,
            Relation.SchoolLeader, Relation.Administrator]);

    /// <summary>A concern: the group's mentor or teacher; a sensitive one (care) the care coordinator too, and no one else.</summary>
    public static bool ReadsConcern(IReadOnlySet<Relation> relations, bool sensitive) =>
        relations.Contains(Relation.Mentor) || relations.Contains(Relation.GroupTeacher) || (sensitive && relations.Contains(Relation.CareCoordinator));
}
